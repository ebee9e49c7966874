package org.sipas.collection.kiosk;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Administrators issue kiosks for the units of their scope, see each kiosk's ratings of the day as
 * they come in, and revoke a kiosk whose tablet is lost or retired.
 */
@Controller
@RequestMapping("/admin/kiosks")
@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN')")
class KioskAdminController {

    private static final String LIST = "collection/kiosk/admin";
    private static final String TALLY = "collection/kiosk/admin :: tally";

    private final Kiosks kiosks;
    private final KioskQuestionnaires questionnaires;
    private final UnitDirectory units;
    private final UnitScope scope;

    KioskAdminController(Kiosks kiosks, KioskQuestionnaires questionnaires, UnitDirectory units, UnitScope scope) {
        this.kiosks = kiosks;
        this.questionnaires = questionnaires;
        this.units = units;
        this.scope = scope;
    }

    /** A kiosk as listed: its unit, the levels of its rating, and today's count of each. */
    record Shown(Kiosk kiosk, String unitName, String methodology, List<Tallied> today, long total) {
    }

    /** One level of a kiosk's rating with today's count. */
    record Tallied(String label, KioskQuestionnaire.Mood mood, long count) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        model.addAttribute("kiosks", shown(locale));
        model.addAttribute("methodologies", questionnaires.all().stream()
                .map(q -> new Choice(q.code() + "/" + q.version(), q.methodology().title().in(locale) + " (" + q.code()
                        + ", " + q.version() + ")")).toList());
        model.addAttribute("defaultMethodology", KioskQuestionnaires.DEFAULT_CODE + "/" + KioskQuestionnaires.DEFAULT_VERSION);
        return LIST;
    }

    /** The table alone, polled by the page so the tally of the day stays live. */
    @GetMapping("/tally")
    String tally(Model model, Locale locale) {
        model.addAttribute("kiosks", shown(locale));
        return TALLY;
    }

    record Choice(String value, String label) {
    }

    @PostMapping
    String issue(@RequestParam String name, @RequestParam String unitCode,
                 @RequestParam(defaultValue = KioskQuestionnaires.DEFAULT_CODE + "/" + KioskQuestionnaires.DEFAULT_VERSION) String methodology,
                 @RequestParam(defaultValue = "false") boolean askOfficial,
                 @RequestParam(defaultValue = "false") boolean askReceipt,
                 Model model, Locale locale, HttpServletRequest request) {
        Optional<UnitDirectory.UnitRef> unit = units.findByCode(unitCode.strip());
        Optional<KioskQuestionnaire> questionnaire = parse(methodology);
        String error = name.isBlank() ? "kiosk.admin.error.name"
                : name.strip().length() > 200 ? "kiosk.admin.error.nameLong"
                : unit.isEmpty() ? "kiosk.admin.error.unit"
                : questionnaire.isEmpty() ? "kiosk.admin.error.methodology"
                : askOfficial && !questionnaire.get().canAskOfficial() ? "kiosk.admin.error.official" : null;
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("form", Map.of("name", name, "unitCode", unitCode, "methodology", methodology));
            return list(model, locale);
        }
        scope.require(unit.get().id());
        Kiosks.Issued issued = kiosks.issue(new Kiosks.Order(name.strip(), unit.get().id(), questionnaire.get().code(),
                questionnaire.get().version(), askOfficial, askReceipt, null));
        model.addAttribute("issued", issued);
        model.addAttribute("issuedUrl", ServletUriComponentsBuilder.fromContextPath(request).path("/k/" + issued.key())
                .toUriString());
        return list(model, locale);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id) {
        Kiosk kiosk = kiosks.find(id).orElseThrow(() -> new IllegalArgumentException("No kiosk " + id));
        scope.require(kiosk.unitId());
        kiosks.revoke(id);
        return "redirect:/admin/kiosks";
    }

    private Optional<KioskQuestionnaire> parse(String methodology) {
        int slash = methodology.lastIndexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        try {
            return questionnaires.of(methodology.substring(0, slash), Integer.parseInt(methodology.substring(slash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<Shown> shown(Locale locale) {
        List<Kiosk> visible = kiosks.within(scope.unitId());
        Map<String, Optional<KioskQuestionnaire>> byVersion = new HashMap<>();
        Map<Long, KioskQuestionnaire> asked = new HashMap<>();
        Map<Long, String> ratingQuestion = new HashMap<>();
        for (Kiosk k : visible) {
            byVersion.computeIfAbsent(k.methodologyCode() + "/" + k.methodologyVersion(),
                    v -> questionnaires.of(k.methodologyCode(), k.methodologyVersion())).ifPresent(q -> {
                asked.put(k.id(), q);
                ratingQuestion.put(k.id(), q.rating().name());
            });
        }
        Map<Long, Map<String, Long>> today = kiosks.today(visible, ratingQuestion, Instant.now());
        return visible.stream().map(k -> {
            KioskQuestionnaire q = asked.get(k.id());
            Map<String, Long> counts = today.getOrDefault(k.id(), Map.of());
            List<Tallied> tallied = q == null ? List.of() : q.choices(locale).stream()
                    .map(c -> new Tallied(c.label(), c.mood(), counts.getOrDefault(Integer.toString(c.code()), 0L))).toList();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new Shown(k, units.findById(k.unitId()).map(UnitDirectory.UnitRef::name).orElse("?"),
                    k.methodologyCode() + " (" + k.methodologyVersion() + ")", tallied, total);
        }).toList();
    }
}
