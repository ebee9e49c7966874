-- Phone interviews (CATI, phỏng vấn qua điện thoại): every call attempt of a sampled case, as it
-- happened. The interviewer's queue (callbacks due, never called, retries spaced out) and the
-- supervisors' progress figures are read from these rows and the case's AAPOR disposition.

CREATE TABLE call_attempt (
    id               bigserial   PRIMARY KEY,
    sample_member_id bigint      NOT NULL REFERENCES sample_member (id),
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    interviewer      text        NOT NULL,
    -- when the interviewer opened the case for this call, and when the outcome was recorded
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz NOT NULL DEFAULT now(),
    -- a Disposition name (org.sipas.collection.Disposition)
    outcome          text        NOT NULL CHECK (outcome IN ('COMPLETE', 'PARTIAL', 'REFUSED', 'BREAK_OFF', 'CALLBACK',
                                                             'NO_ANSWER', 'BUSY', 'OTHER_NON_INTERVIEW', 'WRONG_NUMBER',
                                                             'NOT_ELIGIBLE')),
    -- the time agreed with the respondent, only for a callback
    callback_at      timestamptz,
    note             text        CHECK (length(note) <= 2000),
    -- the response a completed interview stored
    response_id      bigint      REFERENCES response (id),
    -- the answers a partial interview obtained before it broke off (checked, as stored), or null
    partial_answers  jsonb,
    -- the key of the outcome form: a form posted twice (double click, retry) records one attempt
    form_key         text        NOT NULL UNIQUE CHECK (length(form_key) BETWEEN 8 AND 200),
    CHECK ((outcome = 'CALLBACK') = (callback_at IS NOT NULL)),
    CHECK (ended_at >= started_at)
);
CREATE INDEX call_attempt_case_idx ON call_attempt (sample_member_id, ended_at);
CREATE INDEX call_attempt_campaign_idx ON call_attempt (campaign_id, interviewer);

-- Attempts are the record of fieldwork (AAPOR dispositions, re-checks, interviewer payment):
-- appended, never rewritten.
CREATE FUNCTION call_attempt_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'call_attempt is append-only';
END $$;
CREATE TRIGGER call_attempt_append_only BEFORE UPDATE OR DELETE ON call_attempt
    FOR EACH ROW EXECUTE FUNCTION call_attempt_append_only();
