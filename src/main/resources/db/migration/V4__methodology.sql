-- Methodologies (phương pháp): one row per version of a questionnaire and its index tree.
-- The source is the YAML text (an XLSForm upload is kept as the equivalent YAML); the model is
-- read from it. A version used by a campaign is frozen and never changes again: an upload of
-- the same code then becomes the next version. Every version stays stored and readable, so the
-- codebook of an old campaign keeps the questions a later version dropped.

CREATE TABLE methodology_version (
    code         text        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
    version      int         NOT NULL CHECK (version > 0),
    title        text        NOT NULL,
    source       text        NOT NULL,
    -- sha-256 of the source: tells a shipped file changed without a new version number
    source_hash  text        NOT NULL,
    -- how it came: shipped with the application, or uploaded as YAML or XLSForm
    origin       text        NOT NULL CHECK (origin IN ('SHIPPED', 'YAML', 'XLSFORM')),
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    frozen_at    timestamptz,
    PRIMARY KEY (code, version)
);
