-- Articles (tin, bài) of the portal: sections, articles with their Markdown source and the sanitised
-- HTML that is shown, the link between a Vietnamese article and its English translation, the
-- review workflow, scheduled publication, attached files, and full-text search that finds a word
-- written with or without its diacritics.

-- The editors who write and publish them.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check
    CHECK (role IN ('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'ANALYST', 'INTERVIEWER', 'DATA_ENTRY', 'RECHECKER',
                    'INTEGRATION', 'EDITOR'));

CREATE TABLE article_section (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z]+$'),
    position  int  NOT NULL UNIQUE,
    name_vi   text NOT NULL,
    name_en   text NOT NULL
);
INSERT INTO article_section (code, position, name_vi, name_en) VALUES
    ('news', 1, 'Tin tức', 'News'),
    ('methodology', 2, 'Phương pháp', 'Methodology'),
    ('process', 3, 'Quy trình', 'Process'),
    ('results', 4, 'Kết quả', 'Results'),
    ('documents', 5, 'Văn bản', 'Documents');

-- Search folds the text and the query with V1's fold() (unaccent with its dictionary pinned, so
-- IMMUTABLE and indexable, then lower case; unaccent maps đ/Đ to d/D); the extension is V1's too.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE article (
    id                 bigserial   PRIMARY KEY,
    -- the Atom entry's id: stable whatever the slug or the host the portal is reached at
    uuid               uuid        NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    section            text        NOT NULL REFERENCES article_section (code),
    language           text        NOT NULL CHECK (language IN ('vi', 'en')),
    -- the same article in the other language; both rows point at each other
    translation_id     bigint      UNIQUE REFERENCES article (id) ON DELETE SET NULL,
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    slug               text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    summary            text        NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
    body_markdown      text        NOT NULL DEFAULT '' CHECK (length(body_markdown) <= 200000),
    -- rendered from body_markdown and sanitised when saved: what every page and the feed show
    body_html          text        NOT NULL DEFAULT '',
    status             text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    -- a published article is visible from this time on: published AND publish_at <= now(), no job
    publish_at         timestamptz,
    author             text        NOT NULL,
    submitted_by       text,
    published_by       text,
    -- the announcement drafted for a published results snapshot: one per snapshot
    snapshot_id        bigint      UNIQUE,
    version            int         NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    search             tsvector    GENERATED ALWAYS AS (
                           setweight(to_tsvector('simple', fold(title)), 'A')
                           || setweight(to_tsvector('simple', fold(summary)), 'B')
                           || setweight(to_tsvector('simple', fold(body_markdown)), 'C')) STORED,
    CHECK (status <> 'PUBLISHED' OR (publish_at IS NOT NULL AND published_by IS NOT NULL))
);
CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_visible_idx ON article (language, publish_at DESC) WHERE status = 'PUBLISHED';

-- Images and documents of an article (PDF/DOCX of decisions and plans), checked by web.CheckedFile.
CREATE TABLE article_file (
    id            bigserial   PRIMARY KEY,
    article_id    bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    int         NOT NULL,
    content       bytea       NOT NULL,
    added_by      text        NOT NULL,
    added_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX article_file_article_idx ON article_file (article_id);
