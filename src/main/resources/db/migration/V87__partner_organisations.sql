-- Partner organisations (tổ chức phối hợp) as first-class users: the post office, the Fatherland
-- Front, the Veterans' Association, a survey contractor. An organisation serves some units and
-- some campaigns; its staff are ordinary staff accounts that belong to it, and see only those
-- units and campaigns, and applicants' contacts only of the cases handed to the organisation.

-- home_unit_id: the unit whose administrators manage the organisation (its scope rule).
CREATE TABLE partner_organisation (
    id           bigserial   PRIMARY KEY,
    name         text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind         text        NOT NULL CHECK (kind IN ('POST_OFFICE', 'FATHERLAND_FRONT', 'VETERANS', 'CONTRACTOR', 'OTHER')),
    home_unit_id bigint      NOT NULL REFERENCES unit (id),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (home_unit_id, name)
);

-- The units it serves (each with its subtree) and the campaigns it works in.
CREATE TABLE partner_unit (
    partner_id bigint NOT NULL REFERENCES partner_organisation (id) ON DELETE CASCADE,
    unit_id    bigint NOT NULL REFERENCES unit (id),
    PRIMARY KEY (partner_id, unit_id)
);
CREATE TABLE partner_campaign (
    partner_id  bigint NOT NULL REFERENCES partner_organisation (id) ON DELETE CASCADE,
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, campaign_id)
);
CREATE INDEX partner_campaign_campaign_idx ON partner_campaign (campaign_id);

-- A staff account belongs to at most one organisation (null: the administration's own staff).
ALTER TABLE app_user ADD COLUMN partner_id bigint REFERENCES partner_organisation (id);
CREATE INDEX app_user_partner_idx ON app_user (partner_id) WHERE partner_id IS NOT NULL;

-- A batch of paper questionnaires handed to a registered organisation names it; partner_name keeps
-- the name as written on the hand-out (and is all older batches have).
ALTER TABLE paper_batch ADD COLUMN partner_id bigint REFERENCES partner_organisation (id);
ALTER TABLE paper_batch ADD CHECK (partner_id IS NULL OR recipient_kind = 'PARTNER');
CREATE INDEX paper_batch_partner_idx ON paper_batch (partner_id) WHERE partner_id IS NOT NULL;
