-- The applicant's postal address, for the address labels of papers a partner organisation delivers.
-- Optional, and sealed like the name and phone (key version byte, 12-byte IV, AES-256-GCM
-- ciphertext and tag): it lives in the same row, so whatever removes a dossier's contact removes it
-- too. Its limit (200 characters) is the import's, since the database sees only ciphertext.
ALTER TABLE dossier_contact ADD COLUMN address_cipher bytea;
