-- One-time codes of open surveys: a person proves an email before getting a sitting. Only the
-- keyed hash of the address and a hash of the code are kept; a code expires and allows few attempts.
CREATE TABLE open_survey_code (
    id          bigserial   PRIMARY KEY,
    campaign_id bigint      NOT NULL REFERENCES campaign (id),
    email_hash  text        NOT NULL,
    code_hash   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    attempts    int         NOT NULL DEFAULT 0,
    used_at     timestamptz
);
CREATE INDEX open_survey_code_person_idx ON open_survey_code (campaign_id, email_hash, id DESC);

-- Proof-of-work challenges answered once: a solved challenge cannot be posted again.
CREATE TABLE open_survey_challenge (
    challenge   text        PRIMARY KEY,
    used_at     timestamptz NOT NULL DEFAULT now()
);
