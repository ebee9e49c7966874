package org.sipas.methodology;

import java.util.List;

/**
 * A methodology version was stored (uploaded, a draft replaced, a shipped file installed), published
 * in the storing transaction so that whatever hangs on a version (its alert rules) is stored with it
 * or not at all.
 *
 * @param declared the alert rules the file declares; empty when it declares none
 * @param file     the file it came from, for the audit log
 */
public record MethodologyVersionStored(String code, int version, List<AlertDeclaration> declared, String file) {

    public MethodologyVersionStored {
        declared = List.copyOf(declared);
    }
}
