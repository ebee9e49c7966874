-- Tallies (DESIGN §5-§6): per campaign, series, stratum and domain, the sufficient statistics of
-- every criterion of the campaign's index tree, so that an estimate with its standard error costs
-- O(strata × criteria²) and never reads responses. Criterion k is element k of every array, in the
-- order of the methodology's index tree (its leaves depth-first); the matrices are K×K, row-major.

-- series: sampled (the probability sample), counter (kiosk ratings), portal (open portal).
-- stratum_id: the campaign stratum of a sampled response; 0 for the series outside the sample.
-- unit_id: the stratum's unit (sampled) or the response's unit (the other series).
-- domain_kind / domain_value: 'all' / '' (the whole stratum), or a domain that cuts across strata:
-- procedure (code), channel, respondent (the respondent-type answer), official (staff code), month (yyyy-MM).
CREATE TABLE tally (
    campaign_id   bigint   NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    series        text     NOT NULL CHECK (series IN ('sampled', 'counter', 'portal')),
    stratum_id    bigint   NOT NULL,
    unit_id       bigint   NOT NULL,
    domain_kind   text     NOT NULL,
    domain_value  text     NOT NULL,
    -- responses that count in the stratum and the domain
    n             bigint   NOT NULL,
    valid         bigint[] NOT NULL,
    satisfied     bigint[] NOT NULL,
    sat_by_sat    bigint[] NOT NULL,
    sat_by_valid  bigint[] NOT NULL,
    valid_by_valid bigint[] NOT NULL,
    PRIMARY KEY (campaign_id, series, domain_kind, stratum_id, unit_id, domain_value)
);

-- Element-wise sum of two tallies' arrays (a fold adds a batch's sums; a subtraction adds negatives).
CREATE FUNCTION tally_add(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) $$;

-- The outbox of count changes the fold worker has not folded yet, written in the transaction that
-- changes the count: +1 with the response's insert (the trigger below), −1 when a response leaves the
-- count. Consumed by deleting, in the fold's transaction: a change is folded once, however the
-- transactions that wrote the responses interleaved their ids and commits.
CREATE TABLE tally_change (
    seq          bigserial PRIMARY KEY,
    response_id  bigint   NOT NULL,
    sign         smallint NOT NULL CHECK (sign IN (1, -1)),
    changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tally_change_response_idx ON tally_change (response_id);

-- One statement-level trigger: the group commit's one INSERT of a batch writes its changes in one more.
CREATE FUNCTION tally_change_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tally_change (response_id, sign) SELECT id, 1 FROM inserted WHERE campaign_id IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER response_tally_change AFTER INSERT ON response
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION tally_change_on_response();

-- A response that no longer counts (a quality decision). Its −1 is written in the same transaction.
CREATE TABLE response_exclusion (
    response_id  bigint      PRIMARY KEY REFERENCES response (id),
    reason       text        NOT NULL,
    excluded_by  text        NOT NULL,
    excluded_at  timestamptz NOT NULL DEFAULT now()
);

-- The fold's watermark, one row: locked by the node that folds (the others skip), so two
-- application nodes never fold at once. fold: how many folds have changed the tallies.
CREATE TABLE tally_watermark (
    id           int         PRIMARY KEY CHECK (id = 1),
    fold         bigint      NOT NULL DEFAULT 0,
    last_seq     bigint      NOT NULL DEFAULT 0,
    changes      bigint      NOT NULL DEFAULT 0,
    folded_at    timestamptz
);
INSERT INTO tally_watermark (id) VALUES (1);

-- Responses already stored when tallies arrive are folded by the worker like new ones.
INSERT INTO tally_change (response_id, sign) SELECT id, 1 FROM response WHERE campaign_id IS NOT NULL ORDER BY id;
