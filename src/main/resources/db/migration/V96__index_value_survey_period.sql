-- A survey figure of the index database is measured over its campaign's period: a quarterly
-- campaign's Q1 and Q2 figures are of the same year but not the same figure. The year keeps one
-- SURVEY figure per unit and node (the key stays unit x year x node x source, so trends and rankings
-- read one value a year), and the period it was measured over is kept beside it, so the figure says
-- which period it is and a later feed can tell whether it outranks it (indexdb.SurveyPeriod: the
-- campaign covering the whole year first, then the latest period of the year). Other sources have none.
ALTER TABLE index_value ADD COLUMN period_from date, ADD COLUMN period_to date;
ALTER TABLE index_value ADD CONSTRAINT index_value_period_check
    CHECK ((period_from IS NULL) = (period_to IS NULL) AND (period_from IS NULL OR (source = 'SURVEY' AND period_from <= period_to)));
-- the periods of the figures already fed are their snapshots' (they were all fed whole, one per unit-year)
UPDATE index_value v SET period_from = s.period_from, period_to = s.period_to
FROM snapshot s WHERE v.source = 'SURVEY' AND v.snapshot_id = s.id;
