-- The PAR INDEX workflow: a unit's self-assessment (scores per sub-criterion, with evidence files)
-- -> submitted -> appraised by the council of the level above (an adjusted score says why) ->
-- approved. The scores themselves are index_value rows (SELF_ASSESSMENT, APPRAISAL); this is the
-- state of the whole and its evidence.

CREATE TABLE index_assessment (
    id             bigserial   PRIMARY KEY,
    definition_id  bigint      NOT NULL REFERENCES index_definition (id),
    unit_id        bigint      NOT NULL REFERENCES unit (id),
    year           int         NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    status         text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    submitted_by   text,
    submitted_at   timestamptz,
    approved_by    text,
    approved_at    timestamptz,
    UNIQUE (definition_id, unit_id, year),
    CHECK ((status = 'DRAFT') OR submitted_at IS NOT NULL),
    CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL))
);

CREATE TABLE index_evidence (
    id             bigserial   PRIMARY KEY,
    assessment_id  bigint      NOT NULL REFERENCES index_assessment (id) ON DELETE CASCADE,
    node_id        bigint      NOT NULL REFERENCES index_node (id),
    file_name      text        NOT NULL,
    content_type   text        NOT NULL,
    size_bytes     int         NOT NULL CHECK (size_bytes > 0),
    content        bytea       NOT NULL,
    uploaded_by    text        NOT NULL,
    uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX index_evidence_node_idx ON index_evidence (assessment_id, node_id);
