-- Tallies packed (issue #15, speed): a row's five bigint[] (about 1,500 numbers for 22 criteria)
-- cost a dashboard most of its time, handed over boxed by JDBC. They become one bytea, written and
-- read by org.sipas.index.Sums (pack/unpack): width (4 or 8 bytes), K, then Σx, Σy, the upper
-- triangle of the symmetric Σy·y, the whole Σy·x, the upper triangle of the symmetric Σx·x. The
-- fold adds in Java under the watermark's lock instead of tally_add in SQL.
--
-- The stored tallies are not converted but counted again by the one fold: every response that
-- counts goes back into the outbox (as V19 did for the responses stored before tallies existed).
DELETE FROM tally;
ALTER TABLE tally DROP COLUMN valid, DROP COLUMN satisfied, DROP COLUMN sat_by_sat, DROP COLUMN sat_by_valid,
    DROP COLUMN valid_by_valid, ADD COLUMN sums bytea NOT NULL;
DROP FUNCTION tally_add(bigint[], bigint[]);

DELETE FROM tally_change;
INSERT INTO tally_change (response_id, sign)
SELECT r.id, 1 FROM response r
WHERE r.campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM response_exclusion x WHERE x.response_id = r.id)
ORDER BY r.id;
