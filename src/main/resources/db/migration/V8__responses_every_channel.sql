-- Responses from every channel (web token, open portal, kiosk, phone, face to face, paper), each
-- with where it came from, and the AAPOR disposition of every sampled case (the basis of the
-- response rates).

ALTER TABLE survey_token
    ADD COLUMN campaign_id bigint REFERENCES campaign (id),
    -- one link per sampled case: issuing again returns the same token
    ADD COLUMN sample_member_id bigint UNIQUE REFERENCES sample_member (id);
ALTER TABLE survey_token DROP CONSTRAINT survey_token_channel_check;
ALTER TABLE survey_token ADD CONSTRAINT survey_token_channel_check
    CHECK (channel IN ('WEB', 'PORTAL', 'KIOSK', 'CATI', 'CAPI', 'PAPER'));

-- A response no longer needs a token: kiosk ratings, interviews and keyed paper have none.
ALTER TABLE response ALTER COLUMN token DROP NOT NULL;
ALTER TABLE response
    ADD COLUMN campaign_id      bigint REFERENCES campaign (id),
    ADD COLUMN stratum_id       bigint REFERENCES campaign_stratum (id),
    -- one response per sampled case, whatever channel brings it (one respondent, one answer)
    ADD COLUMN sample_member_id bigint UNIQUE REFERENCES sample_member (id),
    -- from the probability sample (its estimate never silently mixes in counter or portal ratings)
    ADD COLUMN sampled          boolean NOT NULL DEFAULT false,
    -- the interviewer or data-entry clerk (username); null when the respondent answered alone
    ADD COLUMN collected_by     text,
    -- when answering ended (on the device, for an interview synced later); started_at is when it began
    ADD COLUMN finished_at      timestamptz,
    -- a client's key for its submit: a retry with the same key gets the first result, never a second response
    ADD COLUMN idempotency_key  text UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 200),
    -- keyed hash (HMAC) of the phone an open-portal respondent gives: one answer per person and campaign
    ADD COLUMN respondent_hash  text,
    ADD COLUMN kiosk_id         bigint,
    ADD COLUMN paper_number     text,
    -- a face-to-face interview's position, only with the respondent's consent
    ADD COLUMN latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN position_accuracy_m double precision CHECK (position_accuracy_m >= 0),
    ADD CONSTRAINT response_one_per_person UNIQUE (campaign_id, respondent_hash),
    ADD CONSTRAINT response_one_paper UNIQUE (campaign_id, paper_number);
ALTER TABLE response ADD CONSTRAINT response_channel_check
    CHECK (channel IN ('WEB', 'PORTAL', 'KIOSK', 'CATI', 'CAPI', 'PAPER'));
CREATE INDEX response_campaign_idx ON response (campaign_id, unit_id, channel) WHERE campaign_id IS NOT NULL;

-- The current AAPOR disposition of a sampled case (final once the campaign closes). A case with
-- no row was never worked. attempts: contact attempts so far (phone calls, visits).
CREATE TABLE case_disposition (
    sample_member_id bigint      PRIMARY KEY REFERENCES sample_member (id),
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    disposition      text        NOT NULL,
    attempts         int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text        NOT NULL
);
CREATE INDEX case_disposition_campaign_idx ON case_disposition (campaign_id);
