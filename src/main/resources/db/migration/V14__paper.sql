-- Paper questionnaires (phiếu giấy) keyed twice, the CSPro way: every printed copy has a number
-- with a check digit; two clerks key it blind; when their passes differ a supervisor settles the
-- differing answers from the paper before the response is stored.

-- The last serial given to a campaign's printed copies: numbers are issued by one atomic
-- increment, so two people printing at once never get the same serial.
CREATE TABLE paper_serial (
    campaign_id bigint PRIMARY KEY REFERENCES campaign (id),
    last_serial int    NOT NULL CHECK (last_serial >= 0)
);

-- One printed copy: its number (campaign id, serial, Damm check digit, digits only), whom it is
-- for (a sampled case of the PAPER channel, or a blank copy for a unit), who printed it when.
CREATE TABLE paper_form (
    number           text        PRIMARY KEY CHECK (number ~ '^[0-9]{7,}$'),
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    serial           int         NOT NULL CHECK (serial > 0),
    unit_id          bigint      NOT NULL REFERENCES unit (id),
    -- one number per sampled case: printing again prints the same number
    sample_member_id bigint      UNIQUE REFERENCES sample_member (id),
    printed_at       timestamptz NOT NULL DEFAULT now(),
    printed_by       text        NOT NULL,
    UNIQUE (campaign_id, serial)
);
CREATE INDEX paper_form_campaign_idx ON paper_form (campaign_id, unit_id);

-- One clerk's keying of one paper. answers: question → value as stored (after the paper's digit
-- codes are read as the methodology's codes and the answers are checked); asked: the questions
-- those answers ask. The same clerk never keys both passes of a paper, and there is no third.
CREATE TABLE paper_entry (
    id         bigserial   PRIMARY KEY,
    number     text        NOT NULL REFERENCES paper_form (number),
    pass       smallint    NOT NULL CHECK (pass IN (1, 2)),
    clerk      text        NOT NULL,
    answers    jsonb       NOT NULL,
    asked      text[]      NOT NULL,
    opened_at  timestamptz NOT NULL,
    keyed_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (number, pass),
    UNIQUE (number, clerk)
);
CREATE INDEX paper_entry_clerk_idx ON paper_entry (clerk);

-- The comparison of a paper's two passes: how many questions were compared (asked by either pass)
-- and which differed. No differing question: the response was stored at once.
CREATE TABLE paper_comparison (
    number      text        PRIMARY KEY REFERENCES paper_form (number),
    fields      int         NOT NULL CHECK (fields >= 0),
    differing   text[]      NOT NULL,
    compared_at timestamptz NOT NULL DEFAULT now()
);

-- A supervisor's settlement of a paper whose passes differ: for each differing question which
-- value was taken (1, 2, or 'paper' when typed again from the paper), the answers stored, a note.
CREATE TABLE paper_settlement (
    number      text        PRIMARY KEY REFERENCES paper_form (number),
    chosen      jsonb       NOT NULL,
    answers     jsonb       NOT NULL,
    note        text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    response_id bigint      NOT NULL REFERENCES response (id),
    settled_by  text        NOT NULL,
    settled_at  timestamptz NOT NULL DEFAULT now()
);
