package org.sipas.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.collection.ResponseChannel;
import org.sipas.identity.CurrentUsers;
import org.sipas.methodology.AlertDeclaration;
import org.sipas.methodology.AlertRuleBook;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.MethodologyVersionStored;
import org.sipas.web.ImportRejectedException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The alert rules as methodology files carry them. A stored version that declares rules
 * ({@code alerts:}, the {@code alerts} sheet) gets exactly those, in the storing transaction: its
 * rules of the same code are replaced, the others disabled (a case keeps the rule it came from). A
 * new version that declares none takes its previous version's rules that still read questions it
 * asks, so a questionnaire's next period does not silently stop alerting. A download of a version
 * carries its rules as they are in force, edited or not.
 */
@Component
class MethodologyAlertRules implements AlertRuleBook {

    private final AlertRules rules;
    private final Methodologies methodologies;
    private final CurrentUsers users;

    MethodologyAlertRules(AlertRules rules, Methodologies methodologies, CurrentUsers users) {
        this.rules = rules;
        this.methodologies = methodologies;
        this.users = users;
    }

    @Override
    public Set<String> channels() {
        return Arrays.stream(ResponseChannel.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<AlertDeclaration> rulesOf(String code, int version) {
        return rules.of(code, version).stream().map(MethodologyAlertRules::declaration).toList();
    }

    @EventListener
    void stored(MethodologyVersionStored stored) {
        storeRules(stored);
    }

    private void storeRules(MethodologyVersionStored stored) {
        String actor = users.actorName();
        List<AlertRule> current = rules.of(stored.code(), stored.version());
        if (!stored.declared().isEmpty()) {
            for (AlertDeclaration declared : stored.declared()) {
                rules.save(rule(stored.code(), stored.version(), declared), actor);
            }
            Set<String> declaredCodes = stored.declared().stream().map(AlertDeclaration::code).collect(Collectors.toSet());
            current.stream().filter(r -> r.enabled() && !declaredCodes.contains(r.code()))
                    .forEach(r -> rules.save(withEnabled(r, false), actor));
            return;
        }
        if (!current.isEmpty()) {
            // kept as they were (a save writes them otherwise): a replaced draft may have changed the
            // scales the outbox's prefilter reads
            rules.refreshAlarmLevels(stored.code(), stored.version());
            return;
        }
        Optional<Integer> previous = rules.latestVersionBefore(stored.code(), stored.version());
        if (previous.isEmpty()) {
            return;
        }
        for (AlertRule earlier : rules.of(stored.code(), previous.get())) {
            AlertDeclaration carried = declaration(earlier);
            try {
                methodologies.checkAlert(stored.code(), stored.version(), carried);
            } catch (ImportRejectedException asksNoLonger) {
                continue; // reads a question or a code the new version no longer has: left behind with its version
            }
            rules.save(rule(stored.code(), stored.version(), carried), actor);
        }
    }

    static AlertDeclaration declaration(AlertRule r) {
        return new AlertDeclaration(r.code(), r.kind(), r.questions(), r.codes(), r.level(), r.words(), r.channels(), r.severity(),
                r.label(), r.enabled());
    }

    private static AlertRule rule(String code, int version, AlertDeclaration d) {
        return new AlertRule(null, code, version, d.code(), d.kind(), d.questions(), d.codes(), d.level(), d.words(), d.channels(),
                d.severity(), d.label(), d.enabled());
    }

    private static AlertRule withEnabled(AlertRule r, boolean enabled) {
        return new AlertRule(r.id(), r.methodologyCode(), r.methodologyVersion(), r.code(), r.kind(), r.questions(), r.codes(),
                r.level(), r.words(), r.channels(), r.severity(), r.label(), enabled);
    }
}
