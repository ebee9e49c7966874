-- Province boundaries for the public portal's map, as an administrator uploaded them (GeoJSON).
-- Each upload is a new row (history is kept, DESIGN §1); the newest row is the map in use. The file is
-- stored as uploaded, so a later, better projection or simplification redraws it without asking again.
CREATE TABLE province_boundaries (
    id          bigserial   PRIMARY KEY,
    file_name   text        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    uploaded_by text        NOT NULL,
    features    int         NOT NULL CHECK (features > 0),
    -- the province codes the file holds, for the admin page and the audit without reading the file
    codes       text[]      NOT NULL,
    geojson     text        NOT NULL
);
