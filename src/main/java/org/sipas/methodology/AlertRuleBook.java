package org.sipas.methodology;

import java.util.List;
import java.util.Set;

/**
 * What the package that keeps and evaluates alert rules (feedback, above methodology) tells the
 * methodology files about them: the response channels a rule may name, checked with the rest of a
 * file, and the rules in force for a version, which its download carries. Without such a bean
 * (a slice of the application) a file's channels go unchecked and a download carries its own rules.
 */
public interface AlertRuleBook {

    /** The names of the response channels (WEB, KIOSK, CATI …). */
    Set<String> channels();

    /** The rules of a version as they are now, edited or not; empty when it has none. */
    List<AlertDeclaration> rulesOf(String code, int version);
}
