-- Survey campaigns (đợt khảo sát): their plan, the allocation of the target over strata, the drawn
-- sample with its reserve list, and the costs that make the budget.

CREATE TABLE campaign (
    id                   bigserial PRIMARY KEY,
    name                 text        NOT NULL,
    methodology_code     text        NOT NULL,
    methodology_version  int         NOT NULL,
    scope_unit_id        bigint      NOT NULL REFERENCES unit (id),
    -- empty: every procedure
    procedure_ids        bigint[]    NOT NULL DEFAULT '{}',
    period_kind          text        NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR', 'CUSTOM')),
    -- dates of receipt, inclusive, in Vietnamese time
    period_from          date        NOT NULL,
    period_to            date        NOT NULL CHECK (period_to >= period_from),
    schedule             text        NOT NULL CHECK (schedule IN ('ONE_OFF', 'MONTHLY', 'QUARTERLY')),
    target               int         NOT NULL CHECK (target > 0),
    allocation_rule      text        NOT NULL CHECK (allocation_rule IN ('PROPORTIONAL', 'QUOTA')),
    minimum_per_stratum  int         NOT NULL DEFAULT 0 CHECK (minimum_per_stratum >= 0),
    -- QUOTA: n per unit of a type, by the unit's official type (Phường, Xã, Sở…)
    quotas               jsonb       NOT NULL DEFAULT '{}',
    by_procedure         boolean     NOT NULL DEFAULT false,
    reserve_percent      int         NOT NULL DEFAULT 20 CHECK (reserve_percent BETWEEN 0 AND 100),
    status               text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SAMPLED', 'IN_FIELD', 'CLOSED')),
    -- the seed of the last draw, so that anyone can draw the same sample again
    seed                 bigint,
    template_id          bigint      REFERENCES campaign (id),
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    sampled_at           timestamptz,
    fieldwork_at         timestamptz,
    closed_at            timestamptz
);
CREATE INDEX campaign_scope_idx ON campaign (scope_unit_id);

CREATE TABLE campaign_channel (
    campaign_id  bigint  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    channel      text    NOT NULL CHECK (channel IN ('ONLINE', 'KIOSK', 'PHONE', 'FACE_TO_FACE', 'PAPER')),
    -- a weight: the shares are the weights over their sum (6000 and 8500 say the same as 41.4% and 58.6%)
    share        numeric NOT NULL CHECK (share > 0),
    -- VND per completed questionnaire
    unit_cost    bigint  NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
    PRIMARY KEY (campaign_id, channel)
);

CREATE TABLE campaign_fixed_cost (
    campaign_id  bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    position     int    NOT NULL,
    item         text   NOT NULL,
    amount       bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (campaign_id, position)
);

-- The allocation as drawn: one row per stratum (a unit, or a unit and a procedure).
CREATE TABLE campaign_stratum (
    id               bigserial PRIMARY KEY,
    campaign_id      bigint  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    unit_id          bigint  NOT NULL REFERENCES unit (id),
    procedure_id     bigint  REFERENCES procedure (id),
    frame_size       bigint  NOT NULL,
    n                int     NOT NULL,
    reserve          int     NOT NULL,
    -- how many the draw found (fewer than n when repeated phones leave too few people)
    drawn            int     NOT NULL,
    start_prn        double precision NOT NULL
);
CREATE INDEX campaign_stratum_campaign_idx ON campaign_stratum (campaign_id);

-- Sampled dossiers and the reserve list. rank: position in the stratum's PRN order from its start.
CREATE TABLE sample_member (
    id                     bigserial PRIMARY KEY,
    -- the stratum's campaign, kept here for the unique key and the lists; no foreign key of its own:
    -- the stratum's already holds it, and every key checked costs a lookup per drawn dossier
    campaign_id            bigint  NOT NULL,
    stratum_id             bigint  NOT NULL REFERENCES campaign_stratum (id) ON DELETE CASCADE,
    dossier_id             bigint  NOT NULL REFERENCES dossier (id),
    rank                   int     NOT NULL,
    role                   text    NOT NULL CHECK (role IN ('SAMPLE', 'RESERVE')),
    channel                text,
    inclusion_probability  double precision NOT NULL,
    state                  text    NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'REPLACED')),
    replaces_id            bigint  REFERENCES sample_member (id),
    replace_reason         text,
    UNIQUE (campaign_id, dossier_id),
    UNIQUE (stratum_id, rank)
);
CREATE INDEX sample_member_campaign_idx ON sample_member (campaign_id, role, channel);
-- without it, deleting a redrawn sample checks every row's replacement link by a scan of the table
CREATE INDEX sample_member_replaces_idx ON sample_member (replaces_id) WHERE replaces_id IS NOT NULL;
