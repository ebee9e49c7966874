-- Sampling frame: dossiers (hồ sơ) exported by one-stop systems. The applicant's name and phone
-- live apart in dossier_contact, encrypted, with a keyed hash of the phone for de-duplication.

CREATE TABLE import_batch (
    id           bigserial PRIMARY KEY,
    kind         text        NOT NULL,
    source       text        NOT NULL,
    row_count    int         NOT NULL,
    inserted     int         NOT NULL,
    updated      int         NOT NULL,
    imported_by  text        NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dossier (
    id                      bigserial PRIMARY KEY,
    unit_id                 bigint      NOT NULL REFERENCES unit (id),
    receipt_code            text        NOT NULL,
    procedure_id            bigint      NOT NULL REFERENCES procedure (id),
    applicant_kind          text        NOT NULL CHECK (applicant_kind IN ('CITIZEN', 'ENTERPRISE', 'AUTHORISED')),
    received_at             timestamptz NOT NULL,
    appointment_at          timestamptz,
    returned_at             timestamptz,
    receiving_official_id   bigint      REFERENCES official (id),
    processing_official_id  bigint      REFERENCES official (id),
    channel                 text        NOT NULL CHECK (channel IN ('DIRECT', 'ONLINE', 'POSTAL')),
    status                  text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'RESOLVED',
                                                                   'RETURNED', 'WITHDRAWN', 'REJECTED')),
    import_batch_id         bigint      REFERENCES import_batch (id),
    -- permanent random number, uniform on [0,1), drawn once when the dossier is first imported and
    -- never changed: campaigns sample a stratum by taking dossiers in PRN order from a start point
    -- (Ohlsson's sequential SRS). The default serves rows written by other means than the import.
    prn                     double precision NOT NULL DEFAULT random(),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_id, receipt_code)
);
-- procedure_id included: counts per unit, procedure and period (a campaign's N_h) read the index only
CREATE INDEX dossier_unit_received_idx ON dossier (unit_id, received_at) INCLUDE (procedure_id);
CREATE INDEX dossier_procedure_idx ON dossier (procedure_id);
-- a stratum's dossiers in PRN order: a draw reads n_h + r_h entries (and those it skips) per unit,
-- never the whole frame, and tests period, procedure and status on the index without the table.
-- (unit_id, received_at, prn) would not give PRN order within a period: SamplingBenchmark measures both.
CREATE INDEX dossier_unit_prn_idx ON dossier (unit_id, prn) INCLUDE (id, received_at, procedure_id, status);
-- the few dossiers a sample never takes, found without reading the many it may take
CREATE INDEX dossier_withdrawn_idx ON dossier (id) WHERE status = 'WITHDRAWN';

-- name_cipher, phone_cipher: key version byte, 12-byte IV, AES-256-GCM ciphertext and tag.
-- phone_hash: HMAC-SHA256 of the normalised phone (0912345678), to find the same person again.
-- contact_hash: keyed fingerprint of name and phone, so a re-import leaves an unchanged contact alone.
CREATE TABLE dossier_contact (
    dossier_id   bigint PRIMARY KEY REFERENCES dossier (id) ON DELETE CASCADE,
    name_cipher  bytea,
    phone_cipher bytea,
    phone_hash   bytea,
    contact_hash bytea NOT NULL
);
CREATE INDEX dossier_contact_phone_hash_idx ON dossier_contact (phone_hash);
-- every dossier has its contact row (the import writes one for each), so "has a phone" is "is not here"
CREATE INDEX dossier_contact_no_phone_idx ON dossier_contact (dossier_id) WHERE phone_hash IS NULL;
