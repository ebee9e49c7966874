package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import org.sipas.methodology.AlertDeclaration;
import org.sipas.methodology.AlertKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.web.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The inbox, notification settings (mail, holidays, monthly exclusions), the rules editor and the webhooks pages. */
@Controller
class FeedbackPages {

    private static final String STAFF = "isAuthenticated()";
    private static final String ADMINS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private final Inbox inbox;
    private final MailDispatch mail;
    private final WorkingDays workingDays;
    private final MonthlyResults monthly;
    private final AlertRules rules;
    private final RulePreview preview;
    private final Webhooks webhooks;
    private final Methodologies methodologies;
    private final CurrentUsers users;
    private final UnitScope scope;
    private final UnitDirectory units;
    private final org.sipas.identity.AuditLog audit;
    private final Clock clock;
    private final org.sipas.web.ImportErrors importErrors;

    FeedbackPages(Inbox inbox, MailDispatch mail, WorkingDays workingDays, MonthlyResults monthly, AlertRules rules,
                  RulePreview preview, Webhooks webhooks, Methodologies methodologies, CurrentUsers users, UnitScope scope,
                  UnitDirectory units, org.sipas.identity.AuditLog audit, Clock clock, org.sipas.web.ImportErrors importErrors) {
        this.importErrors = importErrors;
        this.inbox = inbox;
        this.mail = mail;
        this.workingDays = workingDays;
        this.monthly = monthly;
        this.rules = rules;
        this.preview = preview;
        this.webhooks = webhooks;
        this.methodologies = methodologies;
        this.users = users;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- inbox -------------------------------------------------------------------------------

    @GetMapping("/inbox")
    @PreAuthorize(STAFF)
    String inbox(Model model) {
        model.addAttribute("messages", inbox.of(users.current().name()));
        return "feedback/inbox";
    }

    @PostMapping("/inbox/{id}/open")
    @PreAuthorize(STAFF)
    String open(@PathVariable long id) {
        String link = inbox.open(users.current().name(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
        return "redirect:" + (link.startsWith("/") ? link : "/inbox");
    }

    // ---- settings ----------------------------------------------------------------------------

    @GetMapping("/feedback/settings")
    @PreAuthorize(STAFF)
    String settings(Model model) {
        model.addAttribute("setting", inbox.setting(users.current().name()));
        model.addAttribute("smtp", mail.smtpConfigured());
        model.addAttribute("from", mail.from());
        model.addAttribute("holidays", workingDays.all());
        model.addAttribute("sla", Arrays.stream(AlertSeverity.values()).map(s -> new Object[] {s, workingDays.slaDays(s)}).toList());
        model.addAttribute("exclusions", monthly.exclusions(scope.unitId()));
        return "feedback/settings";
    }

    @PostMapping("/feedback/settings")
    @PreAuthorize(STAFF)
    String saveSettings(@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean emailOn) {
        inbox.save(users.current().name(), email, emailOn);
        return "redirect:/feedback/settings";
    }

    @PostMapping("/feedback/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    String holiday(@RequestParam String day, @RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean remove) {
        LocalDate date = date(day, "day");
        if (remove) {
            workingDays.remove(date);
            audit.record("holiday.removed", "public_holiday", date.toString(), null, null, null);
        } else {
            if (name == null || name.isBlank()) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "a holiday needs its name (name)");
            }
            workingDays.put(date, name.strip());
            audit.record("holiday.set", "public_holiday", date.toString(), null, java.util.Map.of("name", name.strip()), null);
        }
        return "redirect:/feedback/settings";
    }

    @PostMapping("/feedback/exclusions")
    @PreAuthorize(ADMINS)
    String exclude(@RequestParam String unitCode, @RequestParam String month, @RequestParam String reason) {
        long unit = units.findByCode(unitCode.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown unit (unitCode) " + unitCode)).id();
        scope.require(unit);
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "not a month yyyy-MM (month): " + month);
        }
        monthly.exclude(unit, ym, reason, users.actorName());
        return "redirect:/feedback/settings";
    }

    // ---- rules -------------------------------------------------------------------------------

    @GetMapping("/feedback/rules")
    @PreAuthorize(ADMINS)
    String rules(@RequestParam(required = false) Long preview, Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("methodologies", methodologies.all());
        if (preview != null) {
            AlertRule rule = rules.find(preview).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule " + preview));
            model.addAttribute("previewed", rule);
            model.addAttribute("result", this.preview.lastMonth(rule, scope.unitId(), LocalDate.now(clock.withZone(Formats.ZONE))));
        }
        return "feedback/rules";
    }

    @PostMapping("/feedback/rules")
    @PreAuthorize("hasRole('ADMIN')")
    String saveRule(@RequestParam String methodology, @RequestParam String code, @RequestParam String kind,
                    @RequestParam String questions, @RequestParam(required = false) String codes,
                    @RequestParam(required = false) Integer level, @RequestParam(required = false) String words,
                    @RequestParam(required = false) String channels, @RequestParam String severity, @RequestParam String label,
                    @RequestParam(defaultValue = "false") boolean enabled, Model model, java.util.Locale locale,
                    jakarta.servlet.http.HttpServletResponse response) {
        String[] version = methodology.split("/");
        if (version.length != 2 || methodologies.find(version[0], parse(version[1])).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown methodology version (methodology) " + methodology);
        }
        AlertKind ruleKind = AlertKind.parse(kind);
        AlertSeverity ruleSeverity = AlertSeverity.parse(severity);
        if (ruleKind == null || ruleSeverity == null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown kind or severity (kind, severity)");
        }
        AlertRule rule = new AlertRule(null, version[0], parse(version[1]), code.strip(), ruleKind, AlertDeclaration.names(questions),
                AlertDeclaration.names(codes), level, AlertDeclaration.words(words), AlertDeclaration.names(channels), ruleSeverity, label.strip(), enabled);
        // the same checks a methodology file's alerts get: questions asked, of the right type, codes offered, channels known
        try {
            methodologies.checkAlert(rule.methodologyCode(), rule.methodologyVersion(), MethodologyAlertRules.declaration(rule));
        } catch (org.sipas.web.ImportRejectedException rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", importErrors.show(rejected, locale));
            return rules(null, model);
        }
        AlertRule saved = rules.save(rule, users.actorName());
        return "redirect:/feedback/rules?preview=" + saved.id();
    }

    // ---- webhooks ----------------------------------------------------------------------------

    @GetMapping("/feedback/webhooks")
    @PreAuthorize(ADMINS)
    String webhooks(@RequestParam(required = false) Long endpoint, Model model) {
        model.addAttribute("endpoints", webhooks.endpoints());
        if (endpoint != null) {
            model.addAttribute("endpoint", webhooks.endpoint(endpoint));
            model.addAttribute("deliveries", webhooks.deliveries(endpoint));
            model.addAttribute("attempts", webhooks.attempts(endpoint));
        }
        return "feedback/webhooks";
    }

    @PostMapping("/feedback/webhooks")
    @PreAuthorize(ADMINS)
    String createWebhook(@RequestParam String name, @RequestParam String url, @RequestParam(required = false) String unitCode,
                         Model model) {
        Webhooks.Created created = webhooks.create(name, url, unitCode);
        model.addAttribute("created", created);
        return webhooks(created.endpoint().id(), model);
    }

    @PostMapping("/feedback/webhooks/{id}/redeliver")
    @PreAuthorize(ADMINS)
    String redeliver(@PathVariable long id, @RequestParam long delivery) {
        webhooks.redeliver(id, delivery);
        return "redirect:/feedback/webhooks?endpoint=" + id;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "not a version number (methodology): " + number);
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip(), java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException again) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "not a date dd/MM/yyyy (" + field + "): " + text);
            }
        }
    }
}
