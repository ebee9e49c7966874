package org.sipas.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the articles, their sections and files. "Visible" is one condition, written once
 * ({@link #VISIBLE}): published and its time has come by the database's clock, so a scheduled article
 * shows at its time on every node without a job that could run late or twice.
 */
@Repository
class ArticleRepository {

    static final String VISIBLE = "a.status = 'PUBLISHED' AND a.publish_at <= now()";

    private static final String COLUMNS = """
            a.id, a.uuid, a.section, a.language, a.translation_id, a.title, a.slug, a.summary, a.body_markdown,
            a.body_html, a.status, a.publish_at, a.author, a.submitted_by, a.published_by, a.snapshot_id, a.version,
            a.created_at, a.updated_at""";

    /** A stored file with its bytes. */
    record StoredFile(ArticleFile info, byte[] content) {
    }

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Section> sections() {
        return jdbc.sql("SELECT code, name_vi, name_en FROM article_section ORDER BY position")
                .query((rs, n) -> new Section(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"))).list();
    }

    long insert(ArticleForm form, String slug, String html, String author, Long snapshotId) {
        return jdbc.sql("""
                        INSERT INTO article (section, language, title, slug, summary, body_markdown, body_html, author, snapshot_id)
                        VALUES (:section, :language, :title, :slug, :summary, :body, :html, :author, :snapshot) RETURNING id""")
                .param("section", form.section()).param("language", form.language()).param("title", form.title())
                .param("slug", slug).param("summary", form.summary()).param("body", form.bodyMarkdown()).param("html", html)
                .param("author", author).param("snapshot", snapshotId)
                .query(Long.class).single();
    }

    void update(long id, ArticleForm form, String slug, String html) {
        jdbc.sql("""
                        UPDATE article SET section = :section, language = :language, title = :title, slug = :slug, summary = :summary,
                               body_markdown = :body, body_html = :html, version = version + 1, updated_at = now()
                        WHERE id = :id""")
                .param("id", id).param("section", form.section()).param("language", form.language()).param("title", form.title())
                .param("slug", slug).param("summary", form.summary()).param("body", form.bodyMarkdown()).param("html", html)
                .update();
    }

    void rerender(long id, String html) {
        jdbc.sql("UPDATE article SET body_html = :html, version = version + 1, updated_at = now() WHERE id = :id")
                .param("id", id).param("html", html).update();
    }

    void status(long id, ArticleStatus status, String submittedBy, String publishedBy, Instant publishAt) {
        jdbc.sql("""
                        UPDATE article SET status = :status, submitted_by = :submitted, published_by = :published,
                               publish_at = :at, version = version + 1, updated_at = now()
                        WHERE id = :id""")
                .param("id", id).param("status", status.name()).param("submitted", submittedBy).param("published", publishedBy)
                .param("at", publishAt == null ? null : Timestamp.from(publishAt))
                .update();
    }

    /** Links two articles as translations of each other (and unlinks what either was linked to before). */
    void link(long id, Long translationId) {
        jdbc.sql("UPDATE article SET translation_id = NULL WHERE translation_id IN (:id, coalesce(:other::bigint, -1)) OR id IN (:id, coalesce(:other::bigint, -1))")
                .param("id", id).param("other", translationId).update();
        if (translationId != null) {
            jdbc.sql("UPDATE article SET translation_id = CASE id WHEN :id THEN :other ELSE :id END, updated_at = now(), version = version + 1 "
                            + "WHERE id IN (:id, :other)")
                    .param("id", id).param("other", translationId).update();
        }
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id").param("id", id).query(ArticleRepository::row).optional();
    }

    Optional<Article> lockForChange(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id FOR UPDATE").param("id", id)
                .query(ArticleRepository::row).optional();
    }

    Optional<Article> findBySnapshot(long snapshotId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.snapshot_id = :s").param("s", snapshotId)
                .query(ArticleRepository::row).optional();
    }

    /** Whether any of these snapshots has its announcement already. */
    boolean existsForAnySnapshot(List<Long> snapshotIds) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM article WHERE snapshot_id = ANY(:s))")
                .param("s", snapshotIds.toArray(Long[]::new)).query(Boolean.class).single();
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM article WHERE slug = :slug AND id <> coalesce(:id, -1))")
                .param("slug", slug).param("id", exceptId).query(Boolean.class).single();
    }

    boolean isVisible(long id) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM article a WHERE a.id = :id AND " + VISIBLE + ")").param("id", id)
                .query(Boolean.class).single();
    }

    Optional<Article> visibleBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.slug = :slug AND " + VISIBLE).param("slug", slug)
                .query(ArticleRepository::row).optional();
    }

    /** Every article for the editors, newest change first, optionally one status, optionally matching a search. */
    List<Article> staffList(ArticleStatus status, String query, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE (:status::text IS NULL OR a.status = :status) "
                        + "AND (:q::text IS NULL OR a.search @@ websearch_to_tsquery('simple', fold(:q))) "
                        + "ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name()).param("q", query).param("limit", limit).param("offset", offset)
                .query(ArticleRepository::row).list();
    }

    long staffCount(ArticleStatus status, String query) {
        return jdbc.sql("SELECT count(*) FROM article a WHERE (:status::text IS NULL OR a.status = :status) "
                        + "AND (:q::text IS NULL OR a.search @@ websearch_to_tsquery('simple', fold(:q)))")
                .param("status", status == null ? null : status.name()).param("q", query).query(Long.class).single();
    }

    /** Visible articles of a language, newest first, optionally of one section. */
    List<Article> visible(String language, String section, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE " + VISIBLE + " AND a.language = :lang "
                        + "AND (:section::text IS NULL OR a.section = :section) ORDER BY a.publish_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .param("lang", language).param("section", section).param("limit", limit).param("offset", offset)
                .query(ArticleRepository::row).list();
    }

    long visibleCount(String language, String section) {
        return jdbc.sql("SELECT count(*) FROM article a WHERE " + VISIBLE + " AND a.language = :lang "
                        + "AND (:section::text IS NULL OR a.section = :section)")
                .param("lang", language).param("section", section).query(Long.class).single();
    }

    /**
     * Visible articles matching a search in either language, best first: the query folded as the text
     * was (lower case, no diacritics, đ as d), read as a web search (words, "phrases", or, -not), so
     * whatever is typed is a query and never an error.
     */
    List<Article> search(String query, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a, websearch_to_tsquery('simple', fold(:q)) q "
                        + "WHERE " + VISIBLE + " AND a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.publish_at DESC, a.id DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("q", query).param("limit", limit).param("offset", offset)
                .query(ArticleRepository::row).list();
    }

    long searchCount(String query) {
        return jdbc.sql("SELECT count(*) FROM article a WHERE " + VISIBLE
                        + " AND a.search @@ websearch_to_tsquery('simple', fold(:q))")
                .param("q", query).query(Long.class).single();
    }

    /**
     * What the visible list looks like now, in one short text: how many are visible, the newest change
     * among them and the latest time one became visible. A public page's ETag is made of it, so a
     * change, a publication or a scheduled article whose time came is a new tag.
     */
    String visibleState() {
        return jdbc.sql("SELECT count(*) || '.' || coalesce(md5(string_agg(a.id || ':' || a.version, ',' ORDER BY a.id)), '0') "
                        + "FROM article a WHERE " + VISIBLE)
                .query(String.class).single();
    }

    long addFile(long articleId, String fileName, String contentType, byte[] content, String addedBy) {
        return jdbc.sql("""
                        INSERT INTO article_file (article_id, file_name, content_type, size_bytes, content, added_by)
                        VALUES (:article, :name, :type, :size, :content, :by) RETURNING id""")
                .param("article", articleId).param("name", fileName).param("type", contentType).param("size", content.length)
                .param("content", content).param("by", addedBy)
                .query(Long.class).single();
    }

    List<ArticleFile> files(long articleId) {
        return jdbc.sql("SELECT id, article_id, file_name, content_type, size_bytes FROM article_file WHERE article_id = :a ORDER BY id")
                .param("a", articleId).query(ArticleRepository::fileRow).list();
    }

    Optional<StoredFile> file(long fileId) {
        return jdbc.sql("SELECT id, article_id, file_name, content_type, size_bytes, content FROM article_file WHERE id = :id")
                .param("id", fileId)
                .query((rs, n) -> new StoredFile(fileRow(rs, n), rs.getBytes("content"))).optional();
    }

    void deleteFile(long fileId) {
        jdbc.sql("DELETE FROM article_file WHERE id = :id").param("id", fileId).update();
    }

    private static ArticleFile fileRow(ResultSet rs, int n) throws SQLException {
        return new ArticleFile(rs.getLong("id"), rs.getLong("article_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("size_bytes"));
    }

    private static Article row(ResultSet rs, int n) throws SQLException {
        long translation = rs.getLong("translation_id");
        Long translationId = rs.wasNull() ? null : translation;
        long snapshot = rs.getLong("snapshot_id");
        Long snapshotId = rs.wasNull() ? null : snapshot;
        return new Article(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("section"), rs.getString("language"),
                translationId, rs.getString("title"), rs.getString("slug"), rs.getString("summary"), rs.getString("body_markdown"),
                rs.getString("body_html"), ArticleStatus.valueOf(rs.getString("status")), instant(rs, "publish_at"),
                rs.getString("author"), rs.getString("submitted_by"), rs.getString("published_by"), snapshotId, rs.getInt("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
