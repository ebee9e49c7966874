package org.sipas.quality;


import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.Recounts;
import org.sipas.index.Tallies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's quality settings edited by its administrators: validated field by field (422 naming
 * the field), audited with before and after; turning the "submitted responses count until decided"
 * switch moves the campaign's undecided responses out of the tallies or back in, in the same
 * transaction.
 */
@Service
class SettingsEditor {

    private final QualityRepository repository;
    private final CampaignScope campaigns;
    private final AuditLog audit;
    private final Tallies tallies;
    private final Recounts recounts;
    private final CurrentUsers users;

    SettingsEditor(QualityRepository repository, CampaignScope campaigns, AuditLog audit, Tallies tallies, Recounts recounts,
                   CurrentUsers users) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.audit = audit;
        this.tallies = tallies;
        this.recounts = recounts;
        this.users = users;
    }

    @Transactional(readOnly = true)
    QualitySettings settings(long campaignId) {
        return repository.settings(campaigns.within(campaignId).id());
    }

    @Transactional
    QualitySettings save(long campaignId, QualitySettings s) {
        FieldCampaign campaign = campaigns.within(campaignId);
        validate(s);
        QualitySettings before = repository.settings(campaign.id());
        repository.saveSettings(campaign.id(), s);
        audit.record("quality.settings", "campaign", Long.toString(campaign.id()), before, s, null);
        if (before.countUntilDecided() != s.countUntilDecided()) {
            String by = users.actorName();
            for (ArrivedResponse r : repository.responses(campaign.id())) {
                ReviewState state = repository.review(r.id()).map(QualityRepository.Review::state).orElse(ReviewState.SUBMITTED);
                boolean counts = state.counts(s.countUntilDecided());
                boolean counted = recounts.counts(r.id());
                if (counted && !counts) {
                    tallies.leaveCount(r.id(), "only accepted responses count", by);
                } else if (!counted && counts) {
                    recounts.enterCount(r.id());
                }
            }
        }
        return s;
    }

    /** A setting out of its range: the field and what it must be (the API's 422 names both, the page shows it beside the field). */
    static final class InvalidSetting extends IllegalArgumentException {

        final String field;

        InvalidSetting(String field, String rule) {
            super(field + ": " + rule);
            this.field = field;
        }
    }

    private static void validate(QualitySettings s) {
        if (s == null) {
            throw new IllegalArgumentException("settings: none given");
        }
        require(s.recheckShare() > 0 && s.recheckShare() <= 1, "recheckShare", "a share above 0 and at most 1");
        require(s.recheckMinPerInterviewer() >= 0, "recheckMinPerInterviewer", "0 or more");
        require(s.minActiveSeconds() >= 0, "minActiveSeconds", "0 or more");
        require(s.idleGapSeconds() > 0, "idleGapSeconds", "above 0");
        require(s.workingFrom() != null && s.workingTo() != null && s.workingFrom().isBefore(s.workingTo()),
                "workingFrom", "the working day starts before it ends");
        require(s.maxDailyInterviews() > 0, "maxDailyInterviews", "above 0");
        require(s.straightLineMinimum() >= 2, "straightLineMinimum", "2 or more");
        require(s.maxDistanceKm() > 0, "maxDistanceKm", "above 0");
        require(s.chiSquareAlpha() > 0 && s.chiSquareAlpha() < 1, "chiSquareAlpha", "between 0 and 1");
        require(s.discrepancyTolerance() >= 0 && s.discrepancyTolerance() <= 1, "discrepancyTolerance", "between 0 and 1");
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new InvalidSetting(field, rule);
        }
    }
}
