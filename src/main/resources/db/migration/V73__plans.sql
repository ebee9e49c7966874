-- Implementation plans (kế hoạch) and their tasks (nhiệm vụ), as officials write them in Word
-- tables: TT, content, time, lead unit, partner units; a task may have sub-steps (parent_id).

CREATE TABLE plan (
    id               bigserial   PRIMARY KEY,
    title            text        NOT NULL CHECK (length(trim(title)) > 0),
    issuing_unit_id  bigint      NOT NULL REFERENCES unit (id),
    number           text,
    issued_on        date,
    year             int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    -- a plan over several years ("giai đoạn 2014 - 2020"); null for a yearly plan
    period_label     text,
    purpose          text,
    requirements     text,
    status           text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ISSUED', 'CLOSED')),
    template_code    text,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_unit_idx ON plan (issuing_unit_id, year);

CREATE TABLE plan_task (
    id             bigserial   PRIMARY KEY,
    plan_id        bigint      NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    parent_id      bigint      REFERENCES plan_task (id) ON DELETE CASCADE,
    -- 1, 2, 3… among its siblings: the TT column
    ordinal        int         NOT NULL CHECK (ordinal > 0),
    content        text        NOT NULL CHECK (length(trim(content)) > 0),
    lead_unit_id   bigint      NOT NULL REFERENCES unit (id),
    -- who leads or joins as the plan names them when they are no unit of the catalog
    -- ("Bộ, ngành, địa phương", the Fatherland Front)
    lead_note      text,
    partners_note  text,
    -- the period as dates, and the granularity the author chose, which decides how it reads:
    -- "Tháng 3/2027", "Tháng 3 - 4/2027", "Quý II/2027", "Năm 2027" or dd/MM/yyyy - dd/MM/yyyy
    starts_on      date        NOT NULL,
    ends_on        date        NOT NULL,
    granularity    text        NOT NULL CHECK (granularity IN ('MONTH', 'QUARTER', 'YEAR', 'DATES')),
    deliverable    text,
    -- "late" is not stored: it is derived (ends_on passed in Vietnamese time and not done)
    status         text        NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    done_at        timestamptz,
    -- the campaign, report or publication of sipas the task is
    link_kind      text        CHECK (link_kind IN ('CAMPAIGN', 'REPORT', 'PUBLICATION')),
    link_id        bigint,
    CHECK (ends_on >= starts_on),
    CHECK ((link_kind IS NULL) = (link_id IS NULL)),
    CHECK ((status = 'DONE') = (done_at IS NOT NULL))
);
CREATE INDEX plan_task_plan_idx ON plan_task (plan_id, parent_id, ordinal);
CREATE INDEX plan_task_due_idx ON plan_task (lead_unit_id, ends_on) WHERE status <> 'DONE';
CREATE UNIQUE INDEX plan_task_top_ordinal ON plan_task (plan_id, ordinal) WHERE parent_id IS NULL;
CREATE UNIQUE INDEX plan_task_step_ordinal ON plan_task (parent_id, ordinal) WHERE parent_id IS NOT NULL;

CREATE TABLE plan_task_partner (
    task_id  bigint NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    unit_id  bigint NOT NULL REFERENCES unit (id),
    PRIMARY KEY (task_id, unit_id)
);

-- progress notes (theo dõi, đôn đốc): who wrote what, when
CREATE TABLE plan_task_note (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    author      text        NOT NULL,
    written_at  timestamptz NOT NULL,
    body        text        NOT NULL CHECK (length(trim(body)) > 0)
);
CREATE INDEX plan_task_note_idx ON plan_task_note (task_id, written_at);

-- files attached to a task (a signed plan, minutes, a report); the size limit is the application's
-- (sipas.planning.max-file-bytes), the 20 MB here is the floor under it
CREATE TABLE plan_task_file (
    id            bigserial   PRIMARY KEY,
    task_id       bigint      NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    int         NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
    content       bytea       NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX plan_task_file_idx ON plan_task_file (task_id);

-- one reminder per task and deadline: a moved deadline is reminded again, the same one never twice
CREATE TABLE plan_reminder (
    task_id  bigint      NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    ends_on  date        NOT NULL,
    sent_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, ends_on)
);

INSERT INTO feedback_job (name) VALUES ('plan-reminders');
