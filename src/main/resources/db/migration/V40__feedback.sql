-- Feedback (phản ánh, kiến nghị): alert rules per methodology version, the outbox the response
-- insert fills, cases (vụ việc) for the unit head with their steps, the working-day calendar and
-- the SLA per severity, notifications (inbox, mail, webhooks) and the monthly results mail.

-- An alert rule of a methodology version (no foreign key: versions are loaded from files at start,
-- after the migrations). kind:
--   NOT_SATISFIED  an answer to one of questions outside its scale's satisfied levels (and not an excluded code)
--   ANSWER_IN      an answer to one of questions is one of codes (harassment, fees beyond the rules)
--   RATING_AT_MOST an answer to one of questions is a valid level at or below level
--   WATCH_LIST     an open text of questions contains one of words (with and without diacritics)
-- channels: the channels it applies to; empty: every channel (KIOSK alone: the counter rating).
CREATE TABLE alert_rule (
    id                  bigserial   PRIMARY KEY,
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    code                text        NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,50}$'),
    kind                text        NOT NULL CHECK (kind IN ('NOT_SATISFIED', 'ANSWER_IN', 'RATING_AT_MOST', 'WATCH_LIST')),
    questions           text[]      NOT NULL CHECK (cardinality(questions) > 0),
    codes               text[]      NOT NULL DEFAULT '{}',
    level               int,
    words               text[]      NOT NULL DEFAULT '{}',
    channels            text[]      NOT NULL DEFAULT '{}',
    severity            text        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    label               text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    enabled             boolean     NOT NULL DEFAULT true,
    updated_by          text        NOT NULL DEFAULT 'system',
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (methodology_code, methodology_version, code),
    CHECK (kind <> 'RATING_AT_MOST' OR level IS NOT NULL),
    CHECK (kind <> 'ANSWER_IN' OR cardinality(codes) > 0),
    CHECK (kind <> 'WATCH_LIST' OR cardinality(words) > 0)
);

-- Which answer of a methodology version says the respondent agrees to be contacted about it
-- (DESIGN §8: without it nobody on a case sees who complained).
CREATE TABLE contact_consent (
    methodology_code    text NOT NULL,
    methodology_version int  NOT NULL,
    question            text NOT NULL,
    code                text NOT NULL,
    PRIMARY KEY (methodology_code, methodology_version)
);

-- The outbox of responses the alert rules have not looked at yet, written in the transaction that
-- stores the response (the trigger below), consumed by deleting in the transaction that opens the
-- cases: a response is judged once, whichever node takes it (FOR UPDATE SKIP LOCKED).
CREATE TABLE alert_outbox (
    seq          bigserial   PRIMARY KEY,
    response_id  bigint      NOT NULL,
    queued_at    timestamptz NOT NULL DEFAULT now()
);

-- One statement-level trigger, as tally_change's: a batch of the group commit writes its rows in one
-- more INSERT, and only responses of a version that has an enabled rule.
CREATE FUNCTION alert_outbox_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO alert_outbox (response_id)
    SELECT i.id FROM inserted i
    WHERE EXISTS (SELECT 1 FROM alert_rule r WHERE r.enabled AND r.methodology_code = i.methodology_code
                                               AND r.methodology_version = i.methodology_version);
    RETURN NULL;
END $$;
CREATE TRIGGER response_alert_outbox AFTER INSERT ON response
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION alert_outbox_on_response();

-- A case: one per response and rule (the constraint is the last guard against a case made twice).
-- Unit, dossier, procedure and officials as they were at service time (copied from the response and
-- its dossier when the case opens; officials as "staff code · name" then). owner_unit_id: the unit
-- whose head owns the case (an ancestor's after an escalation). named_official: the one the
-- respondent picked, if any. consented: the respondent agreed to be contacted (contact_consent).
CREATE TABLE feedback_case (
    id                     bigserial   PRIMARY KEY,
    response_id            bigint      NOT NULL REFERENCES response (id),
    rule_id                bigint      NOT NULL REFERENCES alert_rule (id),
    campaign_id            bigint      REFERENCES campaign (id),
    unit_id                bigint      NOT NULL REFERENCES unit (id),
    owner_unit_id          bigint      NOT NULL REFERENCES unit (id),
    dossier_id             bigint      REFERENCES dossier (id),
    procedure_id           bigint      REFERENCES procedure (id),
    receipt_code           text,
    procedure_code         text,
    procedure_name         text,
    receiving_official_id  bigint      REFERENCES official (id),
    receiving_official     text,
    processing_official_id bigint      REFERENCES official (id),
    processing_official    text,
    named_official_id      bigint      REFERENCES official (id),
    named_official         text,
    channel                text        NOT NULL,
    severity               text        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    matched                text        NOT NULL,
    consented              boolean     NOT NULL DEFAULT false,
    state                  text        NOT NULL DEFAULT 'NEW'
                                       CHECK (state IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    escalations            int         NOT NULL DEFAULT 0,
    opened_at              timestamptz NOT NULL,
    due_at                 timestamptz NOT NULL,
    acknowledged_at        timestamptz,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    root_cause             text,
    action_taken           text,
    resolution_note        text,
    updated_at             timestamptz NOT NULL,
    UNIQUE (response_id, rule_id),
    CHECK (state NOT IN ('RESOLVED', 'CLOSED') OR root_cause IS NOT NULL)
);
CREATE INDEX feedback_case_owner_idx ON feedback_case (owner_unit_id, state);
CREATE INDEX feedback_case_unit_idx ON feedback_case (unit_id, opened_at);
CREATE INDEX feedback_case_due_idx ON feedback_case (due_at) WHERE state IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING');

-- Every step of a case, as its page shows the history (the audit log holds the same with before/after).
-- kind: OPENED, a state it moved to, ESCALATED, FOLLOW_UP (a call to a consenting respondent).
CREATE TABLE feedback_case_step (
    id        bigserial   PRIMARY KEY,
    case_id   bigint      NOT NULL REFERENCES feedback_case (id),
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    kind      text        NOT NULL,
    note      text
);
CREATE INDEX feedback_case_step_case_idx ON feedback_case_step (case_id, at);

-- Root causes a resolution picks from (editable rows, not code).
CREATE TABLE feedback_root_cause (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,50}$'),
    label_vi  text NOT NULL,
    label_en  text NOT NULL,
    position  int  NOT NULL
);
INSERT INTO feedback_root_cause VALUES
    ('attitude', 'Thái độ, tác phong của công chức', 'The official''s attitude or conduct', 1),
    ('guidance', 'Hướng dẫn chưa đầy đủ, rõ ràng', 'Incomplete or unclear guidance', 2),
    ('delay', 'Giải quyết chậm, trễ hẹn', 'Slow handling, a missed appointment', 3),
    ('extra_documents', 'Yêu cầu thêm giấy tờ ngoài quy định', 'Documents asked beyond the rules', 4),
    ('informal_fees', 'Chi phí ngoài quy định, nhũng nhiễu', 'Charges beyond the rules, harassment', 5),
    ('facilities', 'Cơ sở vật chất, trang thiết bị', 'Premises and equipment', 6),
    ('procedure_rules', 'Quy định của thủ tục chưa hợp lý', 'The procedure''s own rules', 7),
    ('misunderstanding', 'Người dân hiểu chưa đúng quy định', 'The respondent misunderstood the rules', 8),
    ('other', 'Nguyên nhân khác', 'Another cause', 9);

-- Working days to resolve a case, per severity; an untouched (NEW) case past it escalates.
CREATE TABLE feedback_sla (
    severity      text PRIMARY KEY CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    working_days  int  NOT NULL CHECK (working_days BETWEEN 1 AND 60)
);
INSERT INTO feedback_sla VALUES ('HIGH', 2), ('MEDIUM', 5), ('LOW', 10);

-- Public holidays (ngày nghỉ lễ, Tết): not working days, as Saturdays and Sundays are not. Rows, not
-- code: Tết and Giỗ Tổ follow the lunar calendar, and the Government shifts days off each year.
CREATE TABLE public_holiday (
    day   date PRIMARY KEY,
    name  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
INSERT INTO public_holiday VALUES
    ('2025-01-01', 'Tết Dương lịch'),
    ('2025-01-27', 'Tết Nguyên đán'), ('2025-01-28', 'Tết Nguyên đán'), ('2025-01-29', 'Tết Nguyên đán'),
    ('2025-01-30', 'Tết Nguyên đán'), ('2025-01-31', 'Tết Nguyên đán'),
    ('2025-04-07', 'Giỗ Tổ Hùng Vương (nghỉ bù)'), ('2025-04-30', 'Ngày Giải phóng miền Nam'),
    ('2025-05-01', 'Ngày Quốc tế Lao động'), ('2025-09-01', 'Quốc khánh'), ('2025-09-02', 'Quốc khánh'),
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-16', 'Tết Nguyên đán'), ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'),
    ('2026-02-19', 'Tết Nguyên đán'), ('2026-02-20', 'Tết Nguyên đán'),
    ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'), ('2026-04-30', 'Ngày Giải phóng miền Nam'),
    ('2026-05-01', 'Ngày Quốc tế Lao động'), ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh');

-- A staff member's in-app inbox. Every notification lands here, mailed or not.
CREATE TABLE inbox_message (
    id          bigserial   PRIMARY KEY,
    username    text        NOT NULL,
    case_id     bigint      REFERENCES feedback_case (id),
    subject     text        NOT NULL,
    body        text        NOT NULL,
    link        text,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);
CREATE INDEX inbox_message_user_idx ON inbox_message (username, created_at DESC);

-- Where a staff member wants mail (app_user keeps no address), and whether they want it.
CREATE TABLE notification_setting (
    username    text    PRIMARY KEY,
    email       text    CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    email_on    boolean NOT NULL DEFAULT true
);

-- Mail to send, written with the inbox message it copies; sent by one node (SKIP LOCKED).
CREATE TABLE mail_outbox (
    id          bigserial   PRIMARY KEY,
    inbox_id    bigint      REFERENCES inbox_message (id),
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX mail_outbox_unsent_idx ON mail_outbox (id) WHERE sent_at IS NULL;

-- A system told of cases by signed HTTP POSTs (a one-stop system, a chat bot). Cases of units in
-- the subtree of scope_unit_id only. The secret signs every body (HMAC-SHA256).
CREATE TABLE webhook_endpoint (
    id             bigserial   PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    url            text        NOT NULL CHECK (url ~ '^https?://'),
    secret         text        NOT NULL,
    scope_unit_id  bigint      NOT NULL REFERENCES unit (id),
    enabled        boolean     NOT NULL DEFAULT true,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL
);

-- One event for one endpoint, tried until delivered or out of attempts (next_attempt_at: exponential backoff).
CREATE TABLE webhook_delivery (
    id               bigserial   PRIMARY KEY,
    endpoint_id      bigint      NOT NULL REFERENCES webhook_endpoint (id),
    event            text        NOT NULL,
    case_id          bigint      REFERENCES feedback_case (id),
    body             text        NOT NULL,
    state            text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';

-- The delivery log: every attempt with the answer it got.
CREATE TABLE webhook_attempt (
    id           bigserial   PRIMARY KEY,
    delivery_id  bigint      NOT NULL REFERENCES webhook_delivery (id),
    at           timestamptz NOT NULL,
    status       int,
    error        text,
    millis       int         NOT NULL
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, at);

-- The monthly results mail: one row per unit and month, written in the transaction that queues the
-- mail, so two nodes (or a rerun) send it once. An exclusion row keeps a unit out for a month.
CREATE TABLE monthly_results (
    unit_id    bigint      NOT NULL REFERENCES unit (id),
    month      date        NOT NULL CHECK (extract(day FROM month) = 1),
    sent_at    timestamptz NOT NULL,
    recipients int         NOT NULL,
    PRIMARY KEY (unit_id, month)
);
CREATE TABLE monthly_exclusion (
    unit_id     bigint      NOT NULL REFERENCES unit (id),
    month       date        NOT NULL CHECK (extract(day FROM month) = 1),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    excluded_by text        NOT NULL,
    excluded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_id, month)
);

-- The feedback jobs' locks, one row each, held FOR UPDATE (SKIP LOCKED) by the node that runs the
-- job: the other nodes skip it (as tally_watermark for the fold).
CREATE TABLE feedback_job (
    name      text        PRIMARY KEY,
    last_run  timestamptz
);
INSERT INTO feedback_job (name) VALUES ('escalation'), ('monthly-results'), ('mail'), ('webhooks');
