-- Approval and publication of a campaign's results (reporting). A campaign's results go through
-- numbered versions: each is prepared by an analyst from the accepted responses (the figures frozen
-- in the row), submitted, then approved by the level above or returned with comments. An approved
-- version becomes a snapshot: the published figures, never updated (a correction is a new version).

CREATE TABLE results_version (
    id             bigserial   PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    version        int         NOT NULL CHECK (version >= 1),
    state          text        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    -- series -> domain kind -> the index package's CampaignEstimates, as computed from accepted responses
    figures        jsonb       NOT NULL,
    grade_bands    jsonb       NOT NULL,
    lineage        jsonb       NOT NULL,
    -- the figures that differ from the previous published version
    changes        jsonb       NOT NULL DEFAULT '[]',
    -- the accepted responses counted, ascending (their digest is in the lineage)
    counted        bigint[]    NOT NULL DEFAULT '{}',
    -- what changed: mandatory from version 2 on, asked when submitting
    what_changed   text,
    prepared_by    text        NOT NULL,
    prepared_at    timestamptz NOT NULL DEFAULT now(),
    submitted_by   text,
    submitted_at   timestamptz,
    decided_by     text,
    decided_at     timestamptz,
    UNIQUE (campaign_id, version)
);
-- one version in the works per campaign at a time
CREATE UNIQUE INDEX results_version_open_idx ON results_version (campaign_id) WHERE state <> 'APPROVED';

-- The comments history of a version: every step with who, when and what they wrote.
CREATE TABLE results_comment (
    id                 bigserial   PRIMARY KEY,
    results_version_id bigint      NOT NULL REFERENCES results_version (id) ON DELETE CASCADE,
    step               text        NOT NULL CHECK (step IN ('PREPARED', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    author             text        NOT NULL,
    at                 timestamptz NOT NULL DEFAULT now(),
    body               text
);
CREATE INDEX results_comment_version_idx ON results_comment (results_version_id, id);

-- A published version: what the portal, the reports and the open data read.
CREATE TABLE snapshot (
    id                  bigserial   PRIMARY KEY,
    campaign_id         bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    version             int         NOT NULL,
    results_version_id  bigint      NOT NULL UNIQUE REFERENCES results_version (id),
    campaign_name       text        NOT NULL,
    period_from         date        NOT NULL,
    period_to           date        NOT NULL,
    scope_unit_code     text        NOT NULL,
    scope_unit_name     text        NOT NULL,
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    approved_at         timestamptz NOT NULL DEFAULT now(),
    approved_by         text        NOT NULL,
    prepared_by         text        NOT NULL,
    what_changed        text,
    changes             jsonb       NOT NULL,
    figures             jsonb       NOT NULL,
    grade_bands         jsonb       NOT NULL,
    lineage             jsonb       NOT NULL,
    UNIQUE (campaign_id, version),
    CHECK (version = 1 OR what_changed IS NOT NULL)
);
CREATE INDEX snapshot_latest_idx ON snapshot (campaign_id, version DESC);

-- The responses each snapshot counted.
CREATE TABLE snapshot_response (
    snapshot_id  bigint NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    response_id  bigint NOT NULL,
    PRIMARY KEY (snapshot_id, response_id)
);

-- Published is published: a snapshot row and its list of responses are never changed (a campaign
-- deleted with its rows is the one way they go).
CREATE FUNCTION snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published snapshot is never changed (%): publish a corrected version instead', TG_TABLE_NAME;
END $$;
CREATE TRIGGER snapshot_no_update BEFORE UPDATE ON snapshot FOR EACH ROW EXECUTE FUNCTION snapshot_immutable();
CREATE TRIGGER snapshot_response_no_update BEFORE UPDATE ON snapshot_response FOR EACH ROW EXECUTE FUNCTION snapshot_immutable();
