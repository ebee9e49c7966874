-- The yearly report of ministries and provinces on how they used the index (báo cáo sử dụng chỉ
-- số): one plan per year issued by the nation, one planning task per ministry and province with
-- its deadline; the report's text here, its attached file in planning's plan_task_file.

CREATE TABLE index_use_round (
    year        int         PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    plan_id     bigint      NOT NULL UNIQUE REFERENCES plan (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL
);

CREATE TABLE index_use_task (
    task_id  bigint PRIMARY KEY REFERENCES plan_task (id) ON DELETE CASCADE,
    year     int    NOT NULL REFERENCES index_use_round (year) ON DELETE CASCADE,
    unit_id  bigint NOT NULL REFERENCES unit (id),
    UNIQUE (year, unit_id)
);

CREATE TABLE index_use_report (
    task_id    bigint      PRIMARY KEY REFERENCES index_use_task (task_id) ON DELETE CASCADE,
    body       text        NOT NULL CHECK (length(trim(body)) > 0),
    -- the attached file, when one was sent (planning's attachment rule)
    file_id    bigint      REFERENCES plan_task_file (id),
    filed_by   text        NOT NULL,
    filed_at   timestamptz NOT NULL
);
