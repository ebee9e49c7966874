package org.sipas.indexdb;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.ApprovalLevels;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.sipas.web.CheckedFile;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The PAR INDEX workflow of one unit and year: the unit scores itself per sub-criterion and attaches
 * its evidence (draft), submits, the council of the level above appraises (an adjusted score says
 * why) and approves; the approved appraisal is then public. Who may do what is the house's two
 * rules: the unit's own scope ({@code identity.UnitScope}: a unit edits its own, never another's)
 * and the level above ({@code campaign.ApprovalLevels}: a province's administrator for its communes
 * and departments, the nation's for a province). The one who submitted never appraises. Every change
 * is in the audit log.
 */
@Service
public class Assessments {

    private final DefinitionRepository definitions;
    private final AssessmentRepository assessments;
    private final ValueRepository values;
    private final IndexValues indexValues;
    private final CatalogCodes catalog;
    private final UnitScope scope;
    private final ApprovalLevels levels;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final long maxEvidenceBytes;

    Assessments(DefinitionRepository definitions, AssessmentRepository assessments, ValueRepository values, IndexValues indexValues,
                CatalogCodes catalog, UnitScope scope, ApprovalLevels levels, CurrentUsers users, AuditLog audit,
                @Value("${sipas.indexdb.max-evidence-bytes:10485760}") long maxEvidenceBytes) {
        this.definitions = definitions;
        this.assessments = assessments;
        this.values = values;
        this.indexValues = indexValues;
        this.catalog = catalog;
        this.scope = scope;
        this.levels = levels;
        this.users = users;
        this.audit = audit;
        this.maxEvidenceBytes = maxEvidenceBytes;
    }

    /** The assessment of a unit and year of an index's latest version, opened as a draft when there is none. */
    @Transactional
    public Assessment open(String indexCode, long unitId, int year) {
        requireAssessor(unitId);
        IndexDefinition d = definitions.latest(indexCode).orElseThrow(() -> notFound("index " + indexCode));
        if (d.aggregation() != Aggregation.SUM) {
            throw unprocessable("index %s is measured by a survey, not assessed".formatted(indexCode));
        }
        Optional<AssessmentRepository.Head> existing = findAnyVersion(indexCode, unitId, year);
        if (existing.isPresent()) {
            return read(existing.get());
        }
        long id = assessments.insert(d.id(), unitId, year, users.actorName());
        audit.record("indexdb.assessment.open", "index_assessment", Long.toString(id), null,
                Map.of("index", indexCode, "unit", catalog.unit(unitId).code(), "year", year), null);
        return read(assessments.find(id).orElseThrow());
    }

    private Optional<AssessmentRepository.Head> findAnyVersion(String indexCode, long unitId, int year) {
        for (int version : definitions.versions(indexCode)) {
            IndexDefinition d = definitions.version(indexCode, version).orElseThrow();
            Optional<AssessmentRepository.Head> h = assessments.find(d.id(), unitId, year);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    /** An assessment, for its unit's scope and for the level above. */
    @Transactional(readOnly = true)
    public Assessment get(long id) {
        AssessmentRepository.Head h = assessments.find(id).orElseThrow(() -> notFound("assessment " + id));
        CurrentUser user = users.current();
        if (!scope.covers(user, h.unitId()) && !levels.isApprover(user, h.unitId())) {
            throw new AccessDeniedException("assessment " + id + " is outside the scope of " + user.name());
        }
        return read(h);
    }

    /** The assessments of the units in the caller's scope, and those the caller appraises. */
    @Transactional(readOnly = true)
    public List<Assessment> list() {
        CurrentUser user = users.current();
        Map<Long, Assessment> out = new LinkedHashMap<>();
        assessments.within(user.scopeUnitId(), CatalogCodes.unitWithinScope("a.unit_id", "scope")).forEach(h -> out.put(h.id(), read(h)));
        assessments.submitted().stream().filter(h -> !out.containsKey(h.id()) && levels.isApprover(user, h.unitId()))
                .forEach(h -> out.put(h.id(), read(h)));
        return List.copyOf(out.values());
    }

    /** The unit's own score of one sub-criterion, while the assessment is a draft. */
    @Transactional
    public Assessment score(long id, String nodeCode, BigDecimal score) {
        AssessmentRepository.Head h = locked(id);
        requireAssessor(h.unitId());
        requireStatus(h, Assessment.Status.DRAFT);
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        requireGiven(nodeCode, score);
        refuseIfWrong(d, nodeCode, ValueSource.SELF_ASSESSMENT, score);
        BigDecimal before = stored(h, ValueSource.SELF_ASSESSMENT).get(nodeCode);
        indexValues.store(d, h.unitId(), h.year(), ValueSource.SELF_ASSESSMENT, Map.of(nodeCode, score), null, null, users.actorName());
        audit.record("indexdb.assessment.score", "index_assessment", Long.toString(id), before == null ? null : Map.of(nodeCode, before),
                Map.of(nodeCode, score), null);
        return read(h);
    }

    /** An evidence file for one sub-criterion, while a draft: the rule of every attachment (kind, bytes, size). */
    @Transactional
    public Assessment.Evidence attach(long id, String nodeCode, String fileName, byte[] content) {
        AssessmentRepository.Head h = locked(id);
        requireAssessor(h.unitId());
        requireStatus(h, Assessment.Status.DRAFT);
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        IndexDefinition.Node node = d.node(nodeCode).orElseThrow(() -> unprocessable("node %s is not in %s".formatted(nodeCode, d.code())));
        if (!d.isLeaf(node)) {
            throw unprocessable("node %s has children: evidence goes with a sub-criterion".formatted(nodeCode));
        }
        CheckedFile file = CheckedFile.checked(fileName, content, maxEvidenceBytes, CheckedFile.OFFICE_AND_IMAGES);
        long evidenceId = assessments.addEvidence(id, node.id(), file.fileName(), file.contentType(), file.content(), users.actorName());
        audit.record("indexdb.assessment.evidence", "index_assessment", Long.toString(id), null,
                Map.of("node", nodeCode, "file", file.fileName(), "bytes", file.content().length), null);
        return assessments.evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst().orElseThrow();
    }

    /** An evidence file, for those who may read its assessment. */
    @Transactional(readOnly = true)
    public AssessmentRepository.File evidence(long evidenceId) {
        AssessmentRepository.File file = assessments.file(evidenceId).orElseThrow(() -> notFound("evidence " + evidenceId));
        get(file.assessmentId());
        return file;
    }

    /** The draft, every sub-criterion scored, handed to the council. */
    @Transactional
    public Assessment submit(long id) {
        AssessmentRepository.Head h = locked(id);
        requireAssessor(h.unitId());
        requireStatus(h, Assessment.Status.DRAFT);
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        Map<String, BigDecimal> self = stored(h, ValueSource.SELF_ASSESSMENT);
        List<String> unscored = d.leaves().stream().map(IndexDefinition.Node::code).filter(c -> !self.containsKey(c)).toList();
        if (!unscored.isEmpty()) {
            throw unprocessable("not every sub-criterion is scored: " + String.join(", ", unscored));
        }
        assessments.submitted(id, users.actorName());
        audit.record("indexdb.assessment.submit", "index_assessment", Long.toString(id), "DRAFT", "SUBMITTED", null);
        return read(assessments.find(id).orElseThrow());
    }

    /** The council's score of one sub-criterion: a score other than the unit's own needs a reason. */
    @Transactional
    public Assessment appraise(long id, String nodeCode, BigDecimal score, String reason) {
        AssessmentRepository.Head h = locked(id);
        requireAppraiser(h);
        requireStatus(h, Assessment.Status.SUBMITTED);
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        requireGiven(nodeCode, score);
        refuseIfWrong(d, nodeCode, ValueSource.APPRAISAL, score);
        BigDecimal self = stored(h, ValueSource.SELF_ASSESSMENT).get(nodeCode);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && (self == null || self.compareTo(score) != 0)) {
            throw unprocessable("reason: an appraised score other than the self-assessed %s needs a reason"
                    .formatted(self == null ? "–" : self.toPlainString()));
        }
        BigDecimal before = stored(h, ValueSource.APPRAISAL).get(nodeCode);
        indexValues.store(d, h.unitId(), h.year(), ValueSource.APPRAISAL, Map.of(nodeCode, score),
                why == null ? null : Map.of(nodeCode, why), null, users.actorName());
        Map<String, Object> beforeRecord = new HashMap<>();
        beforeRecord.put(nodeCode, before == null ? self : before);
        audit.record("indexdb.assessment.appraise", "index_assessment", Long.toString(id), beforeRecord, Map.of(nodeCode, score), why);
        return read(h);
    }

    /** The appraisal approved: every sub-criterion the council left as scored keeps the unit's own score. */
    @Transactional
    public Assessment approve(long id) {
        AssessmentRepository.Head h = locked(id);
        requireAppraiser(h);
        requireStatus(h, Assessment.Status.SUBMITTED);
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        Map<String, BigDecimal> self = stored(h, ValueSource.SELF_ASSESSMENT);
        Map<String, BigDecimal> appraised = stored(h, ValueSource.APPRAISAL);
        Map<String, BigDecimal> kept = new LinkedHashMap<>();
        self.forEach((code, v) -> {
            if (!appraised.containsKey(code)) {
                kept.put(code, v);
            }
        });
        indexValues.store(d, h.unitId(), h.year(), ValueSource.APPRAISAL, kept, null, null, users.actorName());
        assessments.approved(id, users.actorName());
        Map<String, BigDecimal> all = new HashMap<>(appraised);
        all.putAll(kept);
        audit.record("indexdb.assessment.approve", "index_assessment", Long.toString(id), "SUBMITTED", "APPROVED",
                "total " + IndexTotals.of(d, all).get(d.root().code()));
        return read(assessments.find(id).orElseThrow());
    }

    private Assessment read(AssessmentRepository.Head h) {
        IndexDefinition d = definitions.byId(h.definitionId()).orElseThrow();
        CatalogCodes.UnitRef unit = catalog.unit(h.unitId());
        Map<String, BigDecimal> self = stored(h, ValueSource.SELF_ASSESSMENT);
        Map<String, BigDecimal> appraisedLeaves = new HashMap<>(self);
        appraisedLeaves.putAll(stored(h, ValueSource.APPRAISAL));
        return new Assessment(h.id(), d.code(), d.version(), h.unitId(), unit.code(), unit.name(), h.year(), h.status(), h.createdBy(),
                h.submittedBy(), h.submittedAt(), h.approvedBy(), h.approvedAt(), IndexTotals.of(d, self),
                h.status() == Assessment.Status.DRAFT ? Map.of() : IndexTotals.of(d, appraisedLeaves),
                values.reasons(d.id(), h.unitId(), h.year()), assessments.evidence(h.id()));
    }

    private Map<String, BigDecimal> stored(AssessmentRepository.Head h, ValueSource source) {
        Map<String, BigDecimal> out = new HashMap<>();
        values.values(h.definitionId(), h.unitId(), h.year(), source).forEach(r -> out.put(r.nodeCode(), r.value()));
        return out;
    }

    private void refuseIfWrong(IndexDefinition d, String nodeCode, ValueSource source, BigDecimal score) {
        Optional<RowError> refusal = IndexValues.refusal(d, nodeCode, source, score, d.code(), 0, "node");
        if (refusal.isPresent()) {
            throw unprocessable("%s %s: %s %s".formatted(nodeCode, score.toPlainString(), refusal.get().code(), refusal.get().args()));
        }
    }

    private static void requireGiven(String nodeCode, BigDecimal score) {
        if (nodeCode == null || nodeCode.isBlank() || score == null) {
            throw unprocessable("node and score are required");
        }
    }

    private AssessmentRepository.Head locked(long id) {
        return assessments.forUpdate(id).orElseThrow(() -> notFound("assessment " + id));
    }

    /** A unit's own assessor: its head or an administrator, whose scope holds the unit. */
    private void requireAssessor(long unitId) {
        CurrentUser user = users.current();
        if (!user.hasAny(Role.UNIT_MANAGER, Role.PROVINCE_ADMIN, Role.ADMIN)) {
            throw new AccessDeniedException(user.name() + " does not assess a unit's administrative reform");
        }
        scope.require(user, unitId);
    }

    private void requireAppraiser(AssessmentRepository.Head h) {
        CurrentUser user = users.current();
        if (!levels.isApprover(user, h.unitId())) {
            throw new AccessDeniedException(user.name() + " is not of the level above unit " + catalog.unit(h.unitId()).code());
        }
        if (user.name().equals(h.submittedBy())) {
            throw new AccessDeniedException(user.name() + " submitted this assessment and cannot appraise it");
        }
    }

    private static void requireStatus(AssessmentRepository.Head h, Assessment.Status status) {
        if (h.status() != status) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "assessment %d is %s, not %s".formatted(h.id(), h.status(), status));
        }
    }

    private static ResponseStatusException unprocessable(String reason) {
        return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, reason);
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + " not found");
    }
}
