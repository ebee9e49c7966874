package org.sipas.reporting;

import java.util.Set;

import org.sipas.campaign.OpenSurveyClosed;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open survey whose setting says its results publish themselves is published when it closes,
 * through the one approval and snapshot path ({@link ResultsApproval#publishBySetting}), after the
 * close has committed and in a transaction of its own: a failed publication leaves the survey closed,
 * and its managers publish from the results page as for any campaign.
 */
@Component
class OpenSurveyPublication {

    private static final Logger log = LoggerFactory.getLogger(OpenSurveyPublication.class);

    private final ResultsApproval approval;
    private final CurrentUsers users;
    private final TransactionTemplate transaction;

    OpenSurveyPublication(ResultsApproval approval, CurrentUsers users, PlatformTransactionManager transactions) {
        this.approval = approval;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(OpenSurveyClosed closed) {
        if (!closed.publishResults()) {
            return;
        }
        // the system acts within the survey's own scope, as its managers would; the audit names the setting, not a person
        CurrentUser system = new CurrentUser("system:open-survey-publication", Set.of(Role.ADMIN), closed.scopeUnitId());
        try {
            users.runAs(system, () -> transaction.execute(status -> approval.publishBySetting(closed.campaignId())));
        } catch (RuntimeException e) {
            log.warn("open survey {}: results not published by its setting: {}", closed.campaignId(), e.toString());
        }
    }
}
