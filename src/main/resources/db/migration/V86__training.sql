-- Interviewer and clerk training (tập huấn điều tra): per campaign, whether training is required
-- before anyone is given cases, the training sessions and who attended, a short quiz on the
-- interviewer's guide with its pass mark, every attempt at it, and the practice responses of
-- people in training.

-- A campaign's training settings. No row: training is not required, and the pass mark is 80%.
CREATE TABLE campaign_training (
    campaign_id bigint      PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    required    boolean     NOT NULL DEFAULT false,
    pass_mark   int         NOT NULL DEFAULT 80 CHECK (pass_mark BETWEEN 1 AND 100),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

-- One training session: when, where, who trained.
CREATE TABLE training_session (
    id          bigserial   PRIMARY KEY,
    campaign_id bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    held_on     date        NOT NULL,
    place       text        NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
    trainer     text        NOT NULL CHECK (length(btrim(trainer)) BETWEEN 1 AND 200),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_session_campaign_idx ON training_session (campaign_id, held_on);

-- Who attended a session: staff user names.
CREATE TABLE training_participant (
    session_id bigint NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
    username   text   NOT NULL,
    PRIMARY KEY (session_id, username)
);

-- The quiz on the guide: questions generated from the campaign's methodology (its codebook:
-- "which code means …") or authored, each with its options (a JSON array of texts) and the
-- position of the right one. generated_from names the codebook item a generated question was built
-- from, so generating again does not repeat it.
CREATE TABLE quiz_question (
    id             bigserial   PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    prompt         text        NOT NULL CHECK (length(btrim(prompt)) BETWEEN 1 AND 1000),
    options        jsonb       NOT NULL CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) BETWEEN 2 AND 10),
    correct        int         NOT NULL CHECK (correct >= 0),
    generated_from text,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (correct < jsonb_array_length(options)),
    UNIQUE (campaign_id, generated_from)
);
CREATE INDEX quiz_question_campaign_idx ON quiz_question (campaign_id, id);

-- Every attempt at a campaign's quiz, kept: a failed attempt stays, and does not make anyone trained.
-- answers: question id → the position chosen. passed is decided against the pass mark of the moment.
CREATE TABLE quiz_attempt (
    id          bigserial   PRIMARY KEY,
    campaign_id bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    username    text        NOT NULL,
    answers     jsonb       NOT NULL,
    correct     int         NOT NULL CHECK (correct >= 0),
    questions   int         NOT NULL CHECK (questions > 0 AND correct <= questions),
    pass_mark   int         NOT NULL,
    passed      boolean     NOT NULL,
    taken_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quiz_attempt_campaign_idx ON quiz_attempt (campaign_id, username, taken_at);
-- the assignment check asks "has this person passed": one index-only probe
CREATE INDEX quiz_attempt_passed_idx ON quiz_attempt (campaign_id, username) WHERE passed;

-- Practice responses: answers to practice cases (made-up applicants, never drawn from the frame
-- or the sample) by someone in training. Their own table, not a flag on response: the response
-- table is read by tallies, indices, exports, re-checks, fabrication flags, feedback cases and
-- more, and a flag would have to be remembered in every one of those statements and in every
-- reader written later; a row that is not in response reaches none of them. Nor do practice
-- answers publish ResponseSubmitted, so no listener ever hears of them.
CREATE TABLE practice_response (
    id                  bigserial   PRIMARY KEY,
    campaign_id         bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    practice_case       int         NOT NULL CHECK (practice_case BETWEEN 1 AND 20),
    username            text        NOT NULL,
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    unit_id             bigint      REFERENCES unit (id),
    answers             jsonb       NOT NULL,
    started_at          timestamptz NOT NULL,
    submitted_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_response_campaign_idx ON practice_response (campaign_id, username);
