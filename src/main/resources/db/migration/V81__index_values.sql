-- Values of the index database: unit x year x node, with where each figure comes from. A parent's
-- total is computed from the tree when read, never stored for a points-scored index (the service
-- refuses it); a survey index may hold a published or surveyed figure of a parent (its estimate is
-- the survey's own, not the mean of its children's rounded figures).

CREATE TABLE index_value (
    id           bigserial     PRIMARY KEY,
    node_id      bigint        NOT NULL REFERENCES index_node (id),
    unit_id      bigint        NOT NULL REFERENCES unit (id),
    year         int           NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    source       text          NOT NULL CHECK (source IN ('SELF_ASSESSMENT', 'APPRAISAL', 'SURVEY', 'PUBLISHED')),
    value        numeric(9, 3) NOT NULL CHECK (value >= 0),
    -- an appraisal that differs from the self-assessment says why; a survey figure names its snapshot
    reason       text,
    snapshot_id  bigint,
    recorded_by  text          NOT NULL,
    recorded_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (node_id, unit_id, year, source)
);
CREATE INDEX index_value_unit_idx ON index_value (unit_id, year);

-- a version that holds values is in use: its tree is never changed (a changed tree is the next version)
CREATE FUNCTION index_node_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM index_value v JOIN index_node n ON n.id = v.node_id
               WHERE n.definition_id = OLD.definition_id) THEN
        RAISE EXCEPTION 'index definition % holds values: its tree is never changed, upload a new version', OLD.definition_id;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER index_node_frozen BEFORE UPDATE OR DELETE ON index_node
    FOR EACH ROW EXECUTE FUNCTION index_node_frozen();
