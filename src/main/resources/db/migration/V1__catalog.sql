-- Catalog: the tree of administrative units, the procedures (TTHC) they provide, and their officials.
-- Units keep a validity period and a successor link: the 2025 reform merged provinces and
-- abolished districts, and records made before a change must still point at the unit as it was.

-- Search that ignores Vietnamese diacritics ("ba dinh" finds "Ba Đình"). Both extensions ship with
-- PostgreSQL's contrib and are trusted (PostgreSQL 13+), so a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- unaccent() is only STABLE (its dictionary could be edited); pinning the dictionary makes the
-- folding IMMUTABLE so that it can be indexed. Schema-qualified so it works whatever the search_path.
CREATE FUNCTION fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE unit (
    id            bigserial PRIMARY KEY,
    code          text        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]+$'),
    name          text        NOT NULL,
    full_name     text,
    name_en       text,
    -- what the unit is in the tree; unit_type keeps the official wording (Tỉnh, Phường, Đặc khu, Sở…)
    kind          text        NOT NULL CHECK (kind IN ('NATION', 'PROVINCE', 'COMMUNE', 'MINISTRY',
                                                       'DEPARTMENT', 'VERTICAL_AGENCY', 'DISTRICT')),
    unit_type     text,
    parent_id     bigint      REFERENCES unit (id),
    -- materialised path of codes from the nation down, e.g. /VN/01/00004/ : a subtree is a prefix
    path          text        NOT NULL,
    depth         int         NOT NULL,
    valid_from    date,
    valid_to      date,
    successor_id  bigint      REFERENCES unit (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- what a search box matches: codes and names, folded; one column so one trigram index serves it
    search        text        GENERATED ALWAYS AS (fold(code || ' ' || name || ' ' || coalesce(full_name, '') || ' '
                                                        || coalesce(name_en, ''))) STORED,
    CHECK (kind = 'NATION' OR parent_id IS NOT NULL)
);
CREATE INDEX unit_path_idx ON unit (path text_pattern_ops);
CREATE INDEX unit_parent_idx ON unit (parent_id);
CREATE INDEX unit_search_idx ON unit USING gin (search gin_trgm_ops);

INSERT INTO unit (code, name, full_name, name_en, kind, unit_type, path, depth)
VALUES ('VN', 'Việt Nam', 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'Viet Nam', 'NATION', 'Quốc gia', '/VN/', 0);

CREATE TABLE procedure (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    name        text        NOT NULL,
    field       text,
    -- cấp thực hiện: the level of government that handles it
    level       text        NOT NULL CHECK (level IN ('CENTRAL', 'PROVINCE', 'COMMUNE', 'MULTI')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    search      text        GENERATED ALWAYS AS (fold(code || ' ' || name || ' ' || coalesce(field, ''))) STORED
);
CREATE INDEX procedure_search_idx ON procedure USING gin (search gin_trgm_ops);

CREATE TABLE procedure_unit (
    procedure_id bigint NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
    unit_id      bigint NOT NULL REFERENCES unit (id),
    PRIMARY KEY (procedure_id, unit_id)
);
CREATE INDEX procedure_unit_unit_idx ON procedure_unit (unit_id);

CREATE TABLE official (
    id          bigserial PRIMARY KEY,
    staff_code  text        NOT NULL UNIQUE,
    full_name   text        NOT NULL,
    title       text,
    unit_id     bigint      NOT NULL REFERENCES unit (id),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    search      text        GENERATED ALWAYS AS (fold(staff_code || ' ' || full_name || ' ' || coalesce(title, ''))) STORED
);
CREATE INDEX official_unit_idx ON official (unit_id);
CREATE INDEX official_search_idx ON official USING gin (search gin_trgm_ops);
