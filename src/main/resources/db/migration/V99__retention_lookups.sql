-- The retention rule asks of every dossier of a frame whether another campaign's sample drew it and
-- whether a consented case holds its contact: by dossier, which neither table was indexed by, so each
-- question read the whole table once per dossier.
CREATE INDEX sample_member_dossier_idx ON sample_member (dossier_id);
CREATE INDEX feedback_case_dossier_idx ON feedback_case (dossier_id) WHERE consented;
