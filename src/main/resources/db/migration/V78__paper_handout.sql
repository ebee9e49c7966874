-- Hand-out and return of paper questionnaires (phát, thu phiếu): numbered copies handed in batches
-- to a partner organisation (the post office, the Fatherland Front…) or a counter officer, and what
-- became of each number, so that every printed paper is accounted for.

-- One hand-out: who took which numbers of a unit's papers, when, from whom. recipient_kind PARTNER
-- names an organisation (partner_name); COUNTER names a staff user at the one-stop counter (officer).
-- due_working_days: the papers come back within that many working days (Hà Tĩnh: 5);
-- reminded_at: when the overdue reminder went out (once per batch).
CREATE TABLE paper_batch (
    id               bigserial   PRIMARY KEY,
    campaign_id      bigint      NOT NULL REFERENCES campaign (id),
    unit_id          bigint      NOT NULL REFERENCES unit (id),
    recipient_kind   text        NOT NULL CHECK (recipient_kind IN ('PARTNER', 'COUNTER')),
    partner_name     text        CHECK (partner_name IS NULL OR length(btrim(partner_name)) BETWEEN 1 AND 200),
    officer          text,
    handed_at        timestamptz NOT NULL,
    handed_by        text        NOT NULL,
    due_working_days int         NOT NULL DEFAULT 5 CHECK (due_working_days BETWEEN 1 AND 60),
    reminded_at      timestamptz,
    CHECK (recipient_kind = 'PARTNER' AND partner_name IS NOT NULL AND officer IS NULL
        OR recipient_kind = 'COUNTER' AND officer IS NOT NULL AND partner_name IS NULL)
);
CREATE INDEX paper_batch_campaign_idx ON paper_batch (campaign_id, unit_id);
-- the reminder job reads the batches not yet reminded
CREATE INDEX paper_batch_unreminded_idx ON paper_batch (handed_at) WHERE reminded_at IS NULL;

-- Each handed-out number and where it stands. A number is handed out once (its primary key).
-- DELIVERED: given to the sampled dossier it was printed for (sample_member_id of its paper_form)
-- or at random to someone at the counter (at_random); RETURNED_FILLED / RETURNED_BLANK (blank or
-- refused) / SPOILED / LOST: how it ended. Keying a paper marks it RETURNED_FILLED.
CREATE TABLE paper_handout (
    number      text        PRIMARY KEY REFERENCES paper_form (number),
    batch_id    bigint      NOT NULL REFERENCES paper_batch (id),
    state       text        NOT NULL DEFAULT 'HANDED'
                            CHECK (state IN ('HANDED', 'DELIVERED', 'RETURNED_FILLED', 'RETURNED_BLANK', 'SPOILED', 'LOST')),
    at_random   boolean     NOT NULL DEFAULT false,
    state_at    timestamptz NOT NULL,
    state_by    text        NOT NULL
);
CREATE INDEX paper_handout_batch_idx ON paper_handout (batch_id, state);

-- the overdue reminder runs on one node at a time, under feedback's job lock
INSERT INTO feedback_job (name) VALUES ('paper-handout-overdue');
