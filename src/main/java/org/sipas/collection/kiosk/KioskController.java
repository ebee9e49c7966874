package org.sipas.collection.kiosk;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.collection.AlreadyAnswered;
import org.sipas.collection.CampaignNotInField;
import org.sipas.collection.ResponseStore.Stored;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The kiosk a citizen rates at, full screen on a tablet at the counter: {@code /k/{key}}.
 *
 * <p>Without JavaScript every step is a plain form: the rating, then (when the kiosk asks them) the
 * official and the receipt code, each posted to {@code /k/{key}} with the earlier answers in hidden
 * fields (nothing is kept on the server between steps), then a thank-you page that returns to the
 * start by itself. With JavaScript the same forms are stepped through on the tablet and the rating is
 * sent as JSON to {@code /k/{key}/ratings}, queued on the tablet while the network is down.
 */
@Controller
class KioskController {

    private static final String PAGE = "collection/kiosk/kiosk";
    private static final String THANKS = "collection/kiosk/thanks";
    private static final String CLOSED = "collection/kiosk/closed";
    /** How long the thank-you screen stays before the kiosk is ready for the next citizen. */
    static final int THANKS_SECONDS = 5;

    private final Kiosks kiosks;
    private final KioskQuestionnaires questionnaires;
    private final KioskRatings ratings;
    private final CatalogCodes catalog;
    private final FieldCampaigns campaigns;
    private final MessageSource messages;

    KioskController(Kiosks kiosks, KioskQuestionnaires questionnaires, KioskRatings ratings, CatalogCodes catalog,
                    FieldCampaigns campaigns, MessageSource messages) {
        this.kiosks = kiosks;
        this.questionnaires = questionnaires;
        this.ratings = ratings;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    /** The answers carried from step to step in hidden fields when JavaScript is off. */
    record Carried(String rating, Integer level, String official, Long startedAt) {
    }

    @GetMapping("/k/{key}")
    String start(@PathVariable String key, Model model, Locale locale, HttpServletResponse response) {
        Optional<Kiosk> kiosk = active(key, model, response);
        if (kiosk.isEmpty()) {
            return CLOSED;
        }
        kiosks.seen(kiosk.get().id());
        return page(key, kiosk.get(), "rating", new Carried(UUID.randomUUID().toString(), null, null, null), Map.of(),
                model, locale);
    }

    /** One step posted without JavaScript: the next step's form, or the rating stored and the thanks. */
    @PostMapping("/k/{key}")
    String step(@PathVariable String key, @RequestParam(defaultValue = "rating") String step,
                @RequestParam(required = false) String rating, @RequestParam(required = false) Integer level,
                @RequestParam(required = false) String official, @RequestParam(required = false) String receipt,
                @RequestParam(required = false) String skip, @RequestParam(required = false) Long startedAt,
                Model model, Locale locale, HttpServletResponse response) {
        Optional<Kiosk> found = active(key, model, response);
        if (found.isEmpty()) {
            return CLOSED;
        }
        Kiosk kiosk = found.get();
        long started = startedAt != null ? startedAt : Instant.now().toEpochMilli();
        Carried carried = new Carried(rating, level, blankToNull(official), started);
        String next = switch (step) {
            case "rating" -> asksOfficial(kiosk) ? "official" : kiosk.askReceipt() ? "receipt" : null;
            case "official" -> kiosk.askReceipt() ? "receipt" : null;
            default -> null;
        };
        if (level == null) {
            // a start page posted without a level (an old page, a stray Enter): just begin again
            return "redirect:/k/" + key;
        }
        if (next != null) {
            return page(key, kiosk, next, carried, Map.of(), model, locale);
        }
        Rating answered = new Rating(rating, level, carried.official(), skip != null ? null : receipt,
                Instant.ofEpochMilli(started), Instant.now());
        try {
            ratings.rate(kiosk, answered, locale);
        } catch (RatingRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(key, kiosk, "rating", new Carried(UUID.randomUUID().toString(), null, null, null),
                    refused.problems(), model, locale);
        } catch (CampaignNotInField closed) {
            // the campaign closed while the citizen was rating: the store refused it, and the kiosk says so
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("reason", "campaignClosed");
            return CLOSED;
        }
        return "redirect:/k/" + key + "/thanks";
    }

    @GetMapping("/k/{key}/thanks")
    String thanks(@PathVariable String key, Model model, Locale locale, HttpServletResponse response) {
        Optional<Kiosk> kiosk = active(key, model, response);
        if (kiosk.isEmpty()) {
            return CLOSED;
        }
        model.addAttribute("home", "/k/" + key);
        model.addAttribute("seconds", THANKS_SECONDS);
        model.addAttribute("unitName", catalog.unit(kiosk.get().unitId()).name());
        return THANKS;
    }

    /** The rating as the tablet's script sends it (times in milliseconds since the epoch, by the tablet's clock). */
    record SentRating(String id, Integer level, String official, String receipt, Long startedAt, Long ratedAt) {
    }

    /**
     * A rating sent by the tablet's script, at once or from its queue. 201 when stored, 200 when it
     * was stored before (a resend), 422 with the problems by field, 401 for an unknown or revoked kiosk.
     */
    @Operation(summary = "Records a rating pressed on a counter kiosk, sent by the kiosk's script (queued while offline)")
    @PostMapping(path = "/k/{key}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> rate(@PathVariable String key, @RequestBody SentRating sent, Locale locale) {
        Optional<Kiosk> kiosk = kiosks.byKey(key).filter(k -> !k.isRevoked());
        if (kiosk.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "kiosk-revoked-or-unknown"));
        }
        Rating rating = new Rating(sent.id(), sent.level(), blankToNull(sent.official()), sent.receipt(),
                sent.startedAt() == null ? null : Instant.ofEpochMilli(sent.startedAt()),
                sent.ratedAt() == null ? null : Instant.ofEpochMilli(sent.ratedAt()));
        try {
            Stored stored = ratings.rate(kiosk.get(), rating, locale);
            return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(Map.of("stored", true, "created", stored.created()));
        } catch (RatingRefused refused) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("stored", false, "problems", refused.problems()));
        } catch (CampaignNotInField closed) {
            // never to be stored: the tablet drops it from its queue, as it does a 422
            String name = campaigns.find(closed.campaignId()).map(FieldCampaign::name).orElse(Long.toString(closed.campaignId()));
            return ResponseEntity.status(HttpStatus.GONE).body(Map.of("stored", false, "error", "campaign-closed",
                    "message", messages.getMessage("kiosk.error.campaignClosed", new Object[] {name}, locale)));
        } catch (AlreadyAnswered answered) {
            // a kiosk rating belongs to no case, token, phone or paper: only a stray key collision lands here
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("stored", false, "error", answered.getMessage()));
        }
    }

    /**
     * The service worker that keeps the kiosk page loading through a network drop. Served under
     * {@code /k/} so that its scope covers every kiosk address; never cached by the browser, so a
     * new version reaches the tablets at once.
     */
    @GetMapping(path = "/k/sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript"))
                .cacheControl(CacheControl.noCache()).body(new ClassPathResource("static/kiosk/sw.js"));
    }

    /** The kiosk, while it takes ratings: not revoked, and its campaign (when it counts in one) in the field. */
    private Optional<Kiosk> active(String key, Model model, HttpServletResponse response) {
        Optional<Kiosk> kiosk = kiosks.byKey(key);
        if (kiosk.isEmpty() || kiosk.get().isRevoked()) {
            response.setStatus(kiosk.isEmpty() ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
            model.addAttribute("reason", kiosk.isEmpty() ? "unknown" : "revoked");
            return Optional.empty();
        }
        Long campaignId = kiosk.get().campaignId();
        if (campaignId != null && !campaigns.find(campaignId).map(FieldCampaign::isInField).orElse(false)) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("reason", "campaignClosed");
            return Optional.empty();
        }
        return kiosk;
    }

    private boolean asksOfficial(Kiosk kiosk) {
        return kiosk.askOfficial() && !officials(kiosk).isEmpty();
    }

    private List<UnitOfficial> officials(Kiosk kiosk) {
        boolean asked = kiosk.askOfficial() && questionnaire(kiosk).canAskOfficial();
        return asked ? catalog.officialsOf(kiosk.unitId()) : List.of();
    }

    private KioskQuestionnaire questionnaire(Kiosk kiosk) {
        return questionnaires.of(kiosk.methodologyCode(), kiosk.methodologyVersion()).orElseThrow(() ->
                new IllegalStateException("Kiosk " + kiosk.id() + " uses a methodology no kiosk can ask"));
    }

    private String page(String key, Kiosk kiosk, String step, Carried carried, Map<String, String> errors, Model model,
                        Locale locale) {
        KioskQuestionnaire questionnaire = questionnaire(kiosk);
        List<UnitOfficial> officials = officials(kiosk);
        model.addAttribute("kiosk", kiosk);
        model.addAttribute("home", "/k/" + key);
        model.addAttribute("unitName", catalog.unit(kiosk.unitId()).name());
        model.addAttribute("question", questionnaire.question(locale));
        model.addAttribute("choices", questionnaire.choices(locale));
        model.addAttribute("officialQuestion", questionnaire.officialQuestion(locale));
        model.addAttribute("officials", officials);
        model.addAttribute("askReceipt", kiosk.askReceipt());
        model.addAttribute("receiptMax", KioskRatings.RECEIPT_MAX);
        model.addAttribute("step", step);
        model.addAttribute("carried", carried);
        model.addAttribute("errors", errors);
        model.addAttribute("seconds", THANKS_SECONDS);
        return PAGE;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
