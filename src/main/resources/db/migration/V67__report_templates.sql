-- Reports (reporting): the DOCX template of each report kind an administrator uploaded in place of
-- the shipped one, and the report draft of each published version of a campaign's results: the
-- particulars of the document (number, issuing body, place, signer, recipients) and the author's
-- recommendations. The figures themselves are the snapshot's and are not copied here.

CREATE TABLE report_template (
    kind         text        PRIMARY KEY CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
    file_name    text        NOT NULL,
    content      bytea       NOT NULL,
    -- SHA-256 (hex) of the content, shown beside the download so an administrator knows which file is in force
    digest       text        NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_draft (
    campaign_id      bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    -- the published version the report is of (snapshot.version of the campaign)
    snapshot_version int         NOT NULL CHECK (snapshot_version >= 1),
    number           text        NOT NULL DEFAULT '',
    issuer_superior  text        NOT NULL DEFAULT '',
    issuer           text        NOT NULL DEFAULT '',
    place            text        NOT NULL DEFAULT '',
    report_date      date,
    signer_title     text        NOT NULL DEFAULT '',
    signer_name      text        NOT NULL DEFAULT '',
    recipients       text        NOT NULL DEFAULT '',
    recommendations  text        NOT NULL DEFAULT '' CHECK (length(recommendations) <= 20000),
    updated_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, snapshot_version)
);
