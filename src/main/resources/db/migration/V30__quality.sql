-- Quality control (phúc tra, làm sạch, đánh mã): the state of each response between its arrival
-- and its acceptance, the flags computed on arrival, the re-check lists and their outcomes, the
-- corrections of answers (the original kept), the active time of each response.

-- Per campaign: the thresholds of the flags and the re-check draw. A campaign without a row uses
-- the defaults (the row is written the first time a supervisor changes one).
-- count_until_decided: submitted responses count in the dashboards until decided (labelled so);
-- false: only accepted ones count anywhere.
CREATE TABLE quality_setting (
    campaign_id              bigint  PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    count_until_decided      boolean NOT NULL DEFAULT true,
    recheck_share            numeric(4, 3) NOT NULL DEFAULT 0.100 CHECK (recheck_share > 0 AND recheck_share <= 1),
    recheck_min_per_interviewer int  NOT NULL DEFAULT 2 CHECK (recheck_min_per_interviewer >= 0),
    min_active_seconds       int     NOT NULL DEFAULT 300 CHECK (min_active_seconds >= 0),
    idle_gap_seconds         int     NOT NULL DEFAULT 900 CHECK (idle_gap_seconds > 0),
    working_from             time    NOT NULL DEFAULT '07:00',
    working_to               time    NOT NULL DEFAULT '21:00',
    max_daily_interviews     int     NOT NULL DEFAULT 30 CHECK (max_daily_interviews > 0),
    straight_line_minimum    int     NOT NULL DEFAULT 8 CHECK (straight_line_minimum >= 2),
    max_distance_km          double precision NOT NULL DEFAULT 20 CHECK (max_distance_km > 0),
    chi_square_alpha         double precision NOT NULL DEFAULT 0.001 CHECK (chi_square_alpha > 0 AND chi_square_alpha < 1),
    discrepancy_tolerance    numeric(4, 3) NOT NULL DEFAULT 0.200 CHECK (discrepancy_tolerance >= 0 AND discrepancy_tolerance <= 1)
);

-- The outbox of arrivals: every response stored in a campaign, written in the transaction that
-- stores it (the statement-level trigger below, as the tallies' tally_change), taken by one worker
-- at a time with SKIP LOCKED and deleted in the transaction that computes its flags: never lost,
-- never checked twice.
CREATE TABLE quality_arrival (
    seq          bigserial   PRIMARY KEY,
    response_id  bigint      NOT NULL,
    arrived_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION quality_arrival_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quality_arrival (response_id) SELECT id FROM inserted WHERE campaign_id IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER response_quality_arrival AFTER INSERT ON response
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION quality_arrival_on_response();

-- The quality state of a checked response. A response of a campaign without a row has not been
-- checked yet: it is SUBMITTED.
CREATE TABLE response_review (
    response_id     bigint      PRIMARY KEY REFERENCES response (id),
    campaign_id     bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    state           text        NOT NULL CHECK (state IN ('SUBMITTED', 'FLAGGED', 'IN_RECHECK', 'ACCEPTED', 'REJECTED')),
    reason          text,
    -- seconds of answering, idle gaps left out (Paradata); null when nothing tells
    active_seconds  int,
    wall_seconds    int,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL
);
CREATE INDEX response_review_campaign_idx ON response_review (campaign_id, state);

-- Every transition of a response's state, with who, when and why (the audit log has it too).
CREATE TABLE response_transition (
    id           bigserial   PRIMARY KEY,
    response_id  bigint      NOT NULL REFERENCES response (id),
    from_state   text        NOT NULL,
    to_state     text        NOT NULL,
    reason       text        NOT NULL,
    decided_by   text        NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX response_transition_response_idx ON response_transition (response_id, id);

-- The flags of a response: what was seen and the figure behind it.
CREATE TABLE response_flag (
    response_id  bigint      NOT NULL REFERENCES response (id),
    kind         text        NOT NULL,
    detail       text        NOT NULL,
    flagged_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (response_id, kind)
);

-- A corrected answer: the response's answers as first submitted stay in response_original (written
-- by the first correction), each correction here with before, after and why.
CREATE TABLE response_original (
    response_id  bigint      PRIMARY KEY REFERENCES response (id),
    answers      jsonb       NOT NULL
);
CREATE TABLE response_correction (
    id           bigserial   PRIMARY KEY,
    response_id  bigint      NOT NULL REFERENCES response (id),
    question     text        NOT NULL,
    before       text,
    after        text,
    reason       text        NOT NULL,
    corrected_by text        NOT NULL,
    corrected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX response_correction_response_idx ON response_correction (response_id, id);

-- The server's time of each step a web sitting posts (the draft's every write), by token: the
-- paradata of the response that token later stores. Written by a trigger, so no channel forgets it.
CREATE TABLE sitting_step (
    token    text        NOT NULL,
    step     int         NOT NULL,
    at       timestamptz NOT NULL DEFAULT now(),
    source   text        NOT NULL DEFAULT 'server' CHECK (source IN ('server', 'device'))
);
CREATE INDEX sitting_step_token_idx ON sitting_step (token, at);

CREATE FUNCTION sitting_step_on_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sitting_step (token, step) VALUES (NEW.token, NEW.reached);
    RETURN NULL;
END $$;
CREATE TRIGGER response_draft_sitting_step AFTER INSERT OR UPDATE ON response_draft
    FOR EACH ROW EXECUTE FUNCTION sitting_step_on_draft();

-- A re-check draw: the seed it was drawn with and its rule, so the same list can be drawn again.
CREATE TABLE recheck_draw (
    id                   bigserial   PRIMARY KEY,
    campaign_id          bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    seed                 bigint      NOT NULL,
    share                numeric(4, 3) NOT NULL,
    min_per_interviewer  int         NOT NULL,
    drawn_by             text        NOT NULL,
    drawn_at             timestamptz NOT NULL DEFAULT now()
);

-- One re-check of a response (once on a list, it stays: a later draw adds only the others).
-- why: random (the draw's share), flagged (a flag), fabrication (its interviewer's fabrication was
-- confirmed). outcome null: not done yet.
CREATE TABLE recheck (
    id              bigserial   PRIMARY KEY,
    campaign_id     bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    draw_id         bigint      REFERENCES recheck_draw (id),
    response_id     bigint      NOT NULL UNIQUE REFERENCES response (id),
    interviewer     text,
    why             text        NOT NULL CHECK (why IN ('random', 'flagged', 'fabrication')),
    assigned_to     text,
    outcome         text        CHECK (outcome IN ('NOT_REACHED', 'CONFIRMED', 'DISCREPANCIES', 'DID_NOT_HAPPEN')),
    differing       text[]      NOT NULL DEFAULT '{}',
    asked           text[]      NOT NULL DEFAULT '{}',
    note            text,
    recorded_by     text,
    recorded_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- a re-checker never re-checks their own interview
    CHECK (assigned_to IS NULL OR interviewer IS NULL OR assigned_to <> interviewer)
);
CREATE INDEX recheck_campaign_idx ON recheck (campaign_id, assigned_to);

-- The worker's lock row: the node that checks arrivals holds it (the others skip).
CREATE TABLE quality_worker (
    id        int PRIMARY KEY CHECK (id = 1),
    checked   bigint NOT NULL DEFAULT 0
);
INSERT INTO quality_worker (id) VALUES (1);

-- Responses already stored are checked by the worker like new ones.
INSERT INTO quality_arrival (response_id) SELECT id FROM response WHERE campaign_id IS NOT NULL ORDER BY id;
