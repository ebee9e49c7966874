-- The index database (cơ sở dữ liệu chỉ số): index definitions as versioned trees, like the
-- methodologies. One row of index_definition is one version of one index (code, version); its
-- nodes are the tree: fields, criteria, sub-criteria with their maximum points (null for an index
-- scored by a survey, in percent). A version that holds values is never changed (trigger below): a
-- changed tree is the next version.

CREATE TABLE index_definition (
    id            bigserial   PRIMARY KEY,
    code          text        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
    version       int         NOT NULL CHECK (version > 0),
    name_vi       text        NOT NULL CHECK (length(trim(name_vi)) > 0),
    name_en       text,
    -- how a parent's value follows from its children: SUM of points (PAR INDEX), MEAN of percents (SIPAS)
    aggregation   text        NOT NULL CHECK (aggregation IN ('SUM', 'MEAN')),
    -- the methodology codes whose published snapshots feed this index (e.g. 'sipas-'), by prefix
    fed_by        text,
    -- where the tree and its maxima come from, and what of it is reconstructed
    source_note   text,
    shipped       boolean     NOT NULL DEFAULT false,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (code, version)
);

CREATE TABLE index_node (
    id             bigserial     PRIMARY KEY,
    definition_id  bigint        NOT NULL REFERENCES index_definition (id) ON DELETE CASCADE,
    code           text          NOT NULL CHECK (length(trim(code)) > 0),
    parent_id      bigint        REFERENCES index_node (id) ON DELETE CASCADE,
    -- 1, 2, 3… among its siblings
    ordinal        int           NOT NULL CHECK (ordinal > 0),
    depth          int           NOT NULL CHECK (depth >= 0),
    name_vi        text          NOT NULL CHECK (length(trim(name_vi)) > 0),
    name_en        text,
    max_points     numeric(9, 3) CHECK (max_points IS NULL OR max_points > 0),
    UNIQUE (definition_id, code)
);
CREATE INDEX index_node_parent_idx ON index_node (definition_id, parent_id, ordinal);
-- one root per definition: the index itself
CREATE UNIQUE INDEX index_node_one_root ON index_node (definition_id) WHERE parent_id IS NULL;
