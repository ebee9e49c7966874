package org.sipas.collection.online;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.collection.OneTimeCodeMailed;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.SurveyTokens;
import org.sipas.frame.PhoneHashes;
import org.sipas.web.Formats;
import org.sipas.web.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An open online survey's way in ({@code /s/open/{campaignId}}), one answer per person: the person
 * gives an email address, gets a six-digit code by mail, types it, and only then gets a sitting
 * (a PORTAL survey token carrying the keyed hash of the normalised address) at {@code /s/{token}},
 * so the steps, drafts, checks and submit are those of every link. The store's unique key on
 * (campaign, hash) is the last word if two sittings of one person race.
 * <p>
 * In front of the mail: a rate limit per client address (every POST) and per email address (code
 * requests), a honeypot field no person fills, and a small proof of work ({@link ProofOfWork})
 * solved by the page's script. Refusals are polite pages with the status that says why.
 */
@Controller
@RequestMapping("/s/open/{campaignId}")
class OpenSurveyController {

    static final String EMAIL_STEP = "collection/online/open";
    static final String CODE_STEP = "collection/online/open-code";
    static final String CLOSED = "collection/closed";
    /** The honeypot's name: a field a browser's autofill leaves alone and a person never sees. */
    static final String HONEYPOT = "website";

    private final OpenCampaigns campaigns;
    private final PhoneHashes hashes;
    private final OneTimeCodes codes;
    private final ProofOfWork work;
    private final ResponseStore responses;
    private final SurveyTokens tokens;
    private final RateLimit limit;
    private final ApplicationEventPublisher events;
    private final RateLimit.Allowance perClient;
    private final RateLimit.Allowance perEmail;

    OpenSurveyController(OpenCampaigns campaigns, PhoneHashes hashes, OneTimeCodes codes, ProofOfWork work, ResponseStore responses,
                         SurveyTokens tokens, RateLimit limit, ApplicationEventPublisher events,
                         @Value("${sipas.portal.rate-limit.burst:10}") int burst,
                         @Value("${sipas.portal.rate-limit.per-minute:5}") int perMinute,
                         @Value("${sipas.open-survey.codes-per-address.burst:3}") int emailBurst,
                         @Value("${sipas.open-survey.codes-per-address.per-minute:1}") int emailPerMinute) {
        this.campaigns = campaigns;
        this.hashes = hashes;
        this.codes = codes;
        this.work = work;
        this.responses = responses;
        this.tokens = tokens;
        this.limit = limit;
        this.events = events;
        this.perClient = new RateLimit.Allowance(burst, perMinute);
        this.perEmail = new RateLimit.Allowance(emailBurst, emailPerMinute);
    }

    @GetMapping
    ModelAndView form(@PathVariable long campaignId) {
        return open(campaignId).map(c -> emailStep(c, "", null, HttpStatus.OK)).orElseGet(() -> closed(campaignId));
    }

    /**
     * The address posted: refused if a script sent it (honeypot filled, proof of work missing or
     * wrong), if the address is not one, not invited, or has answered already; otherwise a code is
     * mailed and the code step shown.
     */
    @PostMapping("/code")
    @Transactional
    ModelAndView requestCode(@PathVariable long campaignId, @RequestParam(required = false) String email,
                             @RequestParam(name = HONEYPOT, required = false) String honeypot,
                             @RequestParam(required = false) String challenge, @RequestParam(required = false) String nonce,
                             HttpServletRequest request, HttpServletResponse response) {
        Optional<ModelAndView> slowDown = take("open:" + request.getRemoteAddr(), perClient, campaignId, response);
        if (slowDown.isPresent()) {
            return slowDown.get();
        }
        Optional<OpenCampaign> campaign = open(campaignId);
        if (campaign.isEmpty()) {
            return closed(campaignId);
        }
        Instant now = Instant.now();
        if (honeypot != null && !honeypot.isEmpty()) {
            return polite(campaign.get(), "openBot", HttpStatus.BAD_REQUEST);
        }
        if (!work.accept(challenge, nonce, now)) {
            return emailStep(campaign.get(), email, "open.error.proofOfWork", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Optional<String> normal = PhoneHashes.normaliseEmail(email);
        if (normal.isEmpty()) {
            return emailStep(campaign.get(), email, email == null || email.isBlank() ? "open.error.emailRequired"
                    : "open.error.emailInvalid", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String hash = hashes.email(normal.get()).orElseThrow();
        if (campaign.get().isInvitedOnly() && !campaigns.isInvited(campaignId, hash)) {
            return polite(campaign.get(), "openNotInvited", HttpStatus.FORBIDDEN);
        }
        if (responses.hasAnswered(campaignId, hash)) {
            return polite(campaign.get(), "emailAnswered", HttpStatus.CONFLICT);
        }
        slowDown = take("open-mail:" + hash, perEmail, campaignId, response);
        if (slowDown.isPresent()) {
            return slowDown.get();
        }
        OneTimeCodes.Issued issued = codes.issue(campaignId, hash, now);
        events.publishEvent(new OneTimeCodeMailed(campaignId, campaign.get().name(), normal.get(), issued.code(), issued.expiresAt()));
        return codeStep(campaign.get(), normal.get(), null, HttpStatus.OK);
    }

    /** The code typed: a sitting for the verified person, or the code step again saying what was wrong. */
    @PostMapping("/verify")
    @Transactional
    ModelAndView verify(@PathVariable long campaignId, @RequestParam(required = false) String email,
                        @RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response) {
        Optional<ModelAndView> slowDown = take("open:" + request.getRemoteAddr(), perClient, campaignId, response);
        if (slowDown.isPresent()) {
            return slowDown.get();
        }
        Optional<OpenCampaign> campaign = open(campaignId);
        if (campaign.isEmpty()) {
            return closed(campaignId);
        }
        Optional<String> normal = PhoneHashes.normaliseEmail(email);
        if (normal.isEmpty()) {
            return emailStep(campaign.get(), email, "open.error.emailInvalid", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String hash = hashes.email(normal.get()).orElseThrow();
        OneTimeCodes.Check check = codes.check(campaignId, hash, code, Instant.now());
        switch (check) {
            case WRONG -> {
                return codeStep(campaign.get(), normal.get(), "open.error.codeWrong", HttpStatus.UNPROCESSABLE_ENTITY);
            }
            case EXPIRED -> {
                return codeStep(campaign.get(), normal.get(), "open.error.codeExpired", HttpStatus.GONE);
            }
            case LOCKED, NONE -> {
                return emailStep(campaign.get(), normal.get(), check == OneTimeCodes.Check.LOCKED ? "open.error.codeLocked"
                        : "open.error.codeNone", HttpStatus.UNPROCESSABLE_ENTITY);
            }
            default -> {
            }
        }
        if (responses.hasAnswered(campaignId, hash)) {
            return polite(campaign.get(), "emailAnswered", HttpStatus.CONFLICT);
        }
        SurveyTokens.Issued sitting = tokens.forPortal(campaignId, campaign.get().methodologyCode(),
                campaign.get().methodologyVersion(), campaign.get().scopeUnitId(), hash);
        // 303: the questionnaire is fetched with GET, and a reload does not post the code again
        ModelAndView redirect = new ModelAndView("redirect:/s/" + sitting.token());
        redirect.setStatus(HttpStatus.SEE_OTHER);
        return redirect;
    }

    private Optional<ModelAndView> take(String key, RateLimit.Allowance allowance, long campaignId, HttpServletResponse response) {
        Optional<Duration> wait = limit.take(key, allowance);
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
        ModelAndView page = new ModelAndView(CLOSED, HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("reason", "tooMany").addObject("here", "/s/open/" + campaignId)
                .addObject("retryMinutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
        return Optional.of(page);
    }

    /** The survey, while it takes answers (in the field, within its days). */
    private Optional<OpenCampaign> open(long campaignId) {
        return campaigns.find(campaignId).filter(c -> c.takesAnswers(LocalDate.now(Formats.ZONE)));
    }

    private ModelAndView emailStep(OpenCampaign campaign, String email, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView(EMAIL_STEP, status);
        page.addObject("campaign", campaign).addObject("email", email == null ? "" : email).addObject("error", error)
                .addObject("challenge", work.challenge(Instant.now())).addObject("bits", work.bits())
                .addObject("honeypot", HONEYPOT).addObject("here", "/s/open/" + campaign.id());
        return page;
    }

    private ModelAndView codeStep(OpenCampaign campaign, String email, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView(CODE_STEP, status);
        page.addObject("campaign", campaign).addObject("email", email).addObject("error", error)
                .addObject("attempts", codes.attempts()).addObject("here", "/s/open/" + campaign.id());
        return page;
    }

    /** No such open survey: 404; one that does not take answers now (not started, over, closed): 410. */
    private ModelAndView closed(long campaignId) {
        Optional<OpenCampaign> known = campaigns.find(campaignId);
        ModelAndView page = new ModelAndView(CLOSED, known.isPresent() ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
        page.addObject("reason", known.isPresent() ? "portalClosed" : "portalUnknown").addObject("here", "/s/open/" + campaignId);
        known.ifPresent(c -> page.addObject("campaignName", c.name()));
        return page;
    }

    private ModelAndView polite(OpenCampaign campaign, String reason, HttpStatus status) {
        ModelAndView page = new ModelAndView(CLOSED, status);
        page.addObject("reason", reason).addObject("here", "/s/open/" + campaign.id()).addObject("campaignName", campaign.name());
        return page;
    }
}
