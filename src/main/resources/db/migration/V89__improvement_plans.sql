-- Using the results (phương án cải thiện): after a publication each unit with results in the
-- campaign's snapshot gets a plan task to file an improvement plan, in one plan per campaign issued
-- by the campaign's scope unit. The tasks are planning's own (due list, late, reminders); these
-- tables only say which tasks they are and hold what the unit filed.

-- one plan per campaign: "Phương án cải thiện sau công bố <campaign>"
CREATE TABLE improvement_round (
    campaign_id  bigint      PRIMARY KEY,
    plan_id      bigint      NOT NULL UNIQUE REFERENCES plan (id) ON DELETE CASCADE,
    -- the publication that opened it (version 1, or the first version seen)
    snapshot_id  bigint      NOT NULL,
    created_at   timestamptz NOT NULL
);

-- once per unit and campaign: a re-delivered event or a corrected version adds no second task
CREATE TABLE improvement_task (
    task_id      bigint PRIMARY KEY REFERENCES plan_task (id) ON DELETE CASCADE,
    campaign_id  bigint NOT NULL REFERENCES improvement_round (campaign_id) ON DELETE CASCADE,
    unit_id      bigint NOT NULL REFERENCES unit (id),
    snapshot_id  bigint NOT NULL,
    UNIQUE (campaign_id, unit_id)
);

-- the plan as filed; filing marks its task done and opens the task of reporting on it
CREATE TABLE improvement_plan (
    task_id         bigint      PRIMARY KEY REFERENCES improvement_task (task_id) ON DELETE CASCADE,
    -- the plan task "report what was done" at the period's end, in the same plan
    report_task_id  bigint      NOT NULL UNIQUE REFERENCES plan_task (id),
    filed_by        text        NOT NULL,
    filed_at        timestamptz NOT NULL,
    -- the snapshot whose figures the weaknesses were offered from
    snapshot_id     bigint      NOT NULL,
    reported_by     text,
    reported_at     timestamptz,
    CHECK ((reported_by IS NULL) = (reported_at IS NULL))
);

CREATE TABLE improvement_measure (
    id             bigserial PRIMARY KEY,
    task_id        bigint    NOT NULL REFERENCES improvement_plan (task_id) ON DELETE CASCADE,
    ordinal        int       NOT NULL CHECK (ordinal > 0),
    -- the weakness: a criterion of the index with its figures as published, or the unit's own words
    criterion      text,
    weakness       text      NOT NULL CHECK (length(trim(weakness)) > 0),
    estimate_pct   double precision,
    ci95_low       double precision,
    ci95_high      double precision,
    measure        text      NOT NULL CHECK (length(trim(measure)) > 0),
    owner          text      NOT NULL CHECK (length(trim(owner)) > 0),
    due_on         date      NOT NULL,
    -- what was done, reported at the period's end
    outcome        text      CHECK (outcome IN ('DONE', 'PARTLY', 'NOT_DONE')),
    outcome_note   text,
    UNIQUE (task_id, ordinal)
);

INSERT INTO feedback_job (name) VALUES ('improvement-tasks');
