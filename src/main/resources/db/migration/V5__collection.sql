-- Collection (thu thập): the tokens that let a citizen answer without logging in, the answers
-- kept between the steps of the questionnaire, and the responses submitted.

-- A token is a random, unguessable, single-use key (base64url of 144 random bits) in the link or
-- QR code a respondent receives. It names the methodology version to answer and, when known,
-- the dossier and unit the answers are about.
CREATE TABLE survey_token (
    token               text        PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{22,}$'),
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    dossier_id          bigint      REFERENCES dossier (id),
    unit_id             bigint      REFERENCES unit (id),
    channel             text        NOT NULL CHECK (channel IN ('WEB', 'KIOSK', 'CATI', 'CAPI', 'PAPER')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL,
    used_at             timestamptz,
    FOREIGN KEY (methodology_code, methodology_version) REFERENCES methodology_version (code, version)
);

-- The answers given so far, as typed, so the questionnaire works step by step with JavaScript
-- off. reached: the furthest step the respondent may open (every step before it was accepted).
-- Deleted in the transaction that stores the response.
CREATE TABLE response_draft (
    token       text        PRIMARY KEY REFERENCES survey_token (token) ON DELETE CASCADE,
    answers     jsonb       NOT NULL,
    reached     int         NOT NULL CHECK (reached >= 0),
    started_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A submitted response: one per token (the UNIQUE constraint is the last guard against a double
-- submit from two tabs or two nodes). Append-only. answers: question name → stored answer as the
-- methodology's expressions read it (codes; select_multiple as codes separated by spaces; dates
-- yyyy-mm-dd); questions not asked or not answered are absent. Unit, dossier and channel are
-- copied from the token as they were at service time.
CREATE TABLE response (
    id                  bigserial   PRIMARY KEY,
    token               text        NOT NULL UNIQUE REFERENCES survey_token (token),
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    unit_id             bigint      REFERENCES unit (id),
    dossier_id          bigint      REFERENCES dossier (id),
    channel             text        NOT NULL,
    answers             jsonb       NOT NULL,
    started_at          timestamptz NOT NULL,
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    state               text        NOT NULL DEFAULT 'SUBMITTED' CHECK (state IN ('SUBMITTED')),
    FOREIGN KEY (methodology_code, methodology_version) REFERENCES methodology_version (code, version)
);
CREATE INDEX response_unit_idx ON response (unit_id, submitted_at);
