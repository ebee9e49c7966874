-- Contacts deleted when the re-check and case windows close (DESIGN §8, Decree 13/2023/NĐ-CP).
-- An erased contact keeps its row (every dossier has one) with no name, phone, address, keyed phone
-- hash or fingerprint left in it, and the time it was erased: pages reading it say "erased under the
-- retention rule" instead of "none given", and a re-import of the dossier does not write it again.
ALTER TABLE dossier_contact ADD COLUMN erased_at timestamptz;
ALTER TABLE dossier_contact ADD CONSTRAINT dossier_contact_erased_is_empty
    CHECK (erased_at IS NULL OR (name_cipher IS NULL AND phone_cipher IS NULL AND address_cipher IS NULL
                                 AND phone_hash IS NULL AND contact_hash = '\x'::bytea));

-- The retention rule's settings, one row, edited by a national administrator at /admin/retention:
-- recheck_days: a closed campaign's re-check window (N days after its close; sooner when every
--   re-check it drew has an outcome);
-- case_grace_days: a consented follow-up contact is kept until its case is closed plus these days;
-- unattached_months: a dossier in no campaign's frame keeps its contact this long after its import.
CREATE TABLE contact_retention_setting (
    id                int         PRIMARY KEY CHECK (id = 1),
    recheck_days      int         NOT NULL DEFAULT 30 CHECK (recheck_days BETWEEN 0 AND 365),
    case_grace_days   int         NOT NULL DEFAULT 30 CHECK (case_grace_days BETWEEN 0 AND 365),
    unattached_months int         NOT NULL DEFAULT 24 CHECK (unattached_months BETWEEN 1 AND 120),
    updated_by        text        NOT NULL DEFAULT 'system',
    updated_at        timestamptz NOT NULL DEFAULT now()
);
INSERT INTO contact_retention_setting (id) VALUES (1);

-- The job's lock row (feedback.JobLock): ten nodes erase once.
INSERT INTO feedback_job (name) VALUES ('contact-retention');
