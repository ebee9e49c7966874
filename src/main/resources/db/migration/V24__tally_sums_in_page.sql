-- A tally row's packed sums (about 2 KB for 22 criteria) stay in the table's own page, compressed
-- if need be, rather than out of line in TOAST: a dashboard reads a thousand such rows, and a TOAST
-- fetch for each was most of its time. (Sums now packs a row in 2 bytes a number while they fit, V22 said 4 or 8.)
ALTER TABLE tally ALTER COLUMN sums SET STORAGE MAIN;
