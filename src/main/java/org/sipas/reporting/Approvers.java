package org.sipas.reporting;

import org.sipas.campaign.ApprovalLevels;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.springframework.stereotype.Component;

/**
 * Who prepares a campaign's results and who approves them: the one statement of the rule, read by
 * the service, the pages and the API alike.
 *
 * <ul>
 *   <li>Preparing and submitting: an ANALYST or ADMIN whose scope covers the campaign's whole scope
 *       unit (the analysts of the body that ran the survey).</li>
 *   <li>Approving or returning: the level above the campaign's scope unit, as
 *       {@link ApprovalLevels} reads it from the unit tree (the same level approves the campaign's
 *       sample): the province for a campaign under it, the nation's ADMIN for a province-wide or
 *       national one.</li>
 *   <li>Four eyes: nobody approves or returns a version they prepared or submitted.</li>
 * </ul>
 */
@Component
class Approvers {

    private final ApprovalLevels levels;
    private final UnitScope scope;

    Approvers(ApprovalLevels levels, UnitScope scope) {
        this.levels = levels;
        this.scope = scope;
    }

    /** Whether {@code user} may prepare and submit the campaign's results. */
    boolean mayPrepare(CurrentUser user, FieldCampaign campaign) {
        return user.hasAny(Role.ANALYST, Role.ADMIN) && scope.covers(user, campaign.scopeUnitId());
    }

    /** Whether {@code user} is of the level that approves the campaign's results (four eyes aside). */
    boolean mayApprove(CurrentUser user, FieldCampaign campaign) {
        return levels.isApprover(user, campaign.scopeUnitId());
    }

    /** The level above a campaign: the unit whose subtree an approver's scope must cover, and the roles that approve there. */
    ApprovalLevels.Level level(FieldCampaign campaign) {
        return levels.above(campaign.scopeUnitId());
    }
}
