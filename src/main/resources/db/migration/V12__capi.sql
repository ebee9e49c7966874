-- Face-to-face interviewing (CAPI): each visit an interviewer makes to a sampled case that ends
-- without an interview (refused, nobody at home, an appointment...), as the device recorded it.
-- The case's current AAPOR disposition lives in case_disposition; this is the visit history
-- behind it, and the key makes a re-sent visit (a sync retried after a lost answer) count once.
CREATE TABLE capi_visit (
    id               bigserial   PRIMARY KEY,
    idempotency_key  text        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 200),
    sample_member_id bigint      NOT NULL REFERENCES sample_member (id),
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    outcome          text        NOT NULL,
    disposition      text        NOT NULL,
    -- the device's clock when the visit ended
    visited_at       timestamptz NOT NULL,
    note             text        CHECK (length(note) <= 1000),
    collected_by     text        NOT NULL,
    synced_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX capi_visit_case_idx ON capi_visit (sample_member_id);
