-- Dossiers per unit and month of receipt (the month in Vietnamese time), kept by the database in the
-- same statement, hence the same transaction, as the dossiers themselves: whoever writes them (the
-- import's COPY, the API, a restore) keeps the counts right. A draw sums the months of its period
-- for N_h instead of counting a quarter's dossiers one index entry at a time, which grew with the
-- frame (SamplingBenchmark). Statement triggers with transition tables: one grouped upsert per
-- statement, not one per row, so a COPY of a million dossiers pays one aggregate.
CREATE TABLE dossier_month (
    unit_id  bigint NOT NULL REFERENCES unit (id),
    month    date   NOT NULL,  -- the first day of the month, Asia/Ho_Chi_Minh
    dossiers bigint NOT NULL CHECK (dossiers >= 0),
    PRIMARY KEY (unit_id, month)
);

INSERT INTO dossier_month (unit_id, month, dossiers)
SELECT unit_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*)
FROM dossier GROUP BY 1, 2;

-- applied in key order, so that two concurrent imports lock the months they share in the same order
CREATE FUNCTION dossier_month_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dossier_month AS m (unit_id, month, dossiers)
    SELECT unit_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*)
    FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (unit_id, month) DO UPDATE SET dossiers = m.dossiers + excluded.dossiers;
    RETURN NULL;
END $$;

CREATE FUNCTION dossier_month_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dossier_month m SET dossiers = m.dossiers - o.n
    FROM (SELECT unit_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS month, count(*) AS n
          FROM old_rows GROUP BY 1, 2) o
    WHERE m.unit_id = o.unit_id AND m.month = o.month;
    RETURN NULL;
END $$;

-- an update moves a dossier between months (a corrected receipt date) or units; most updates move
-- none, and then nothing is written. Months that gain are upserted, months that lose only updated: a
-- month that loses was counted before (and the CHECK is tested on a row before its conflict).
CREATE FUNCTION dossier_month_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH change AS (
        SELECT unit_id, month, sum(delta) AS delta
        FROM (SELECT unit_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS month, 1 AS delta
              FROM new_rows
              UNION ALL
              SELECT unit_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, -1
              FROM old_rows) c
        GROUP BY 1, 2 HAVING sum(delta) <> 0),
    gained AS (
        INSERT INTO dossier_month AS m (unit_id, month, dossiers)
        SELECT unit_id, month, delta FROM change WHERE delta > 0 ORDER BY 1, 2
        ON CONFLICT (unit_id, month) DO UPDATE SET dossiers = m.dossiers + excluded.dossiers)
    UPDATE dossier_month m SET dossiers = m.dossiers + c.delta
    FROM change c WHERE c.delta < 0 AND m.unit_id = c.unit_id AND m.month = c.month;
    RETURN NULL;
END $$;

CREATE FUNCTION dossier_month_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dossier_month;
    RETURN NULL;
END $$;

CREATE TRIGGER dossier_month_insert AFTER INSERT ON dossier
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_insert();
CREATE TRIGGER dossier_month_delete AFTER DELETE ON dossier
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_delete();
CREATE TRIGGER dossier_month_update AFTER UPDATE ON dossier
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_update();
CREATE TRIGGER dossier_month_truncate AFTER TRUNCATE ON dossier
    FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_truncate();
