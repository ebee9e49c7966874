package org.sipas.articles;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.CheckedFile;
import org.sipas.web.Diacritics;
import org.sipas.web.PageOf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The editors' work on articles: write, attach files, send for review, return, publish or schedule,
 * withdraw, link translations. Every change is in the audit log with the article before and after, in
 * the same transaction. Publication takes two people: whoever wrote the article or sent it for review
 * does not publish it (see the package's rules).
 */
@Service
class Articles {

    /** The kinds an article holds: its images and the PDF/DOCX of the decisions and plans it attaches. */
    static final Set<String> FILE_KINDS = Set.of("pdf", "docx", "png", "jpg", "jpeg");

    private final ArticleRepository repository;
    private final ArticleBody body;
    private final AuditLog audit;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;

    Articles(ArticleRepository repository, ArticleBody body, AuditLog audit, CurrentUsers users, ApplicationEventPublisher events) {
        this.repository = repository;
        this.body = body;
        this.audit = audit;
        this.users = users;
        this.events = events;
    }

    List<Section> sections() {
        return repository.sections();
    }

    Map<String, Section> sectionsByCode() {
        return sections().stream().collect(Collectors.toMap(Section::code, Function.identity()));
    }

    @Transactional
    long create(ArticleForm form) {
        return create(form, users.actorName(), null);
    }

    /** A new draft by {@code author}; {@code snapshotId} when it announces a published results snapshot. */
    @Transactional
    long create(ArticleForm form, String author, Long snapshotId) {
        ArticleForm checked = checked(form);
        String slug = slug(checked, null);
        long id = repository.insert(checked, slug, body.html(checked.bodyMarkdown(), Set.of()), author, snapshotId);
        audit.record("article.create", "article", Long.toString(id), null, audited(get(id)), checked.title());
        return id;
    }

    @Transactional
    void update(long id, ArticleForm form) {
        Article before = editable(id);
        ArticleForm checked = checked(form);
        repository.update(id, checked, slug(checked, id), body.html(checked.bodyMarkdown(), fileIds(id)));
        audit.record("article.update", "article", Long.toString(id), audited(before), audited(get(id)), checked.title());
    }

    /** The sanitised HTML the body would be stored as: the preview shows exactly what publication will. */
    String preview(Long id, String markdown) {
        return body.html(markdown, id == null ? Set.of() : fileIds(id));
    }

    @Transactional
    void submit(long id) {
        Article before = editable(id);
        repository.status(id, ArticleStatus.IN_REVIEW, users.actorName(), null, null);
        audit.record("article.submit", "article", Long.toString(id), audited(before), audited(get(id)), null);
    }

    @Transactional
    void returnToDraft(long id, String comment) {
        Article before = locked(id);
        if (before.status() != ArticleStatus.IN_REVIEW) {
            throw conflict("article " + id + " is " + before.status() + ", not in review");
        }
        repository.status(id, ArticleStatus.DRAFT, null, null, null);
        audit.record("article.return", "article", Long.toString(id), audited(before), audited(get(id)), blankToNull(comment));
    }

    /**
     * Publishes an article in review, visible from {@code at} (now when null): the second pair of
     * eyes, so its author and whoever sent it for review are refused.
     */
    @Transactional
    void publish(long id, Instant at) {
        Article before = locked(id);
        if (before.status() != ArticleStatus.IN_REVIEW) {
            throw conflict("article " + id + " is " + before.status() + ": only an article in review is published");
        }
        String me = users.actorName();
        if (me.equals(before.author()) || me.equals(before.submittedBy())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "article " + id + ": its author and whoever sent it for review do not publish it; another editor does");
        }
        Instant when = at == null ? Instant.now() : at;
        repository.status(id, ArticleStatus.PUBLISHED, before.submittedBy(), me, when);
        Article after = get(id);
        audit.record("article.publish", "article", Long.toString(id), audited(before), audited(after),
                at == null ? null : "scheduled for " + when);
        events.publishEvent(new ArticlePublished(id, when));
    }

    /** Takes a published article off the portal, back to a draft (to correct it and have it reviewed again). */
    @Transactional
    void withdraw(long id) {
        Article before = locked(id);
        if (before.status() != ArticleStatus.PUBLISHED) {
            throw conflict("article " + id + " is " + before.status() + ", not published");
        }
        repository.status(id, ArticleStatus.DRAFT, null, null, null);
        audit.record("article.withdraw", "article", Long.toString(id), audited(before), audited(get(id)), null);
        events.publishEvent(new ArticlePublished(id, Instant.now()));
    }

    /** Links the article with its translation in the other language (null unlinks it). */
    @Transactional
    void linkTranslation(long id, Long translationId) {
        Article before = locked(id);
        if (translationId != null) {
            Article other = locked(translationId);
            if (other.language().equals(before.language())) {
                throw unprocessable("translation: article " + translationId + " is in " + other.language()
                        + " like this one; a translation is in the other language");
            }
        }
        repository.link(id, translationId);
        audit.record("article.translation", "article", Long.toString(id), audited(before), audited(get(id)),
                translationId == null ? "unlinked" : "translation of " + translationId);
    }

    @Transactional
    long attach(long id, String fileName, byte[] content, long maxBytes) {
        Article before = editable(id);
        CheckedFile file = CheckedFile.checked(fileName, content, maxBytes, FILE_KINDS);
        long fileId = repository.addFile(id, file.fileName(), file.contentType(), file.content(), users.actorName());
        // an image written in the body before its file was attached shows from now on
        repository.rerender(id, body.html(before.bodyMarkdown(), fileIds(id)));
        audit.record("article.file.add", "article", Long.toString(id), null,
                Map.of("file", fileId, "name", file.fileName(), "type", file.contentType(), "bytes", content.length), null);
        return fileId;
    }

    @Transactional
    void deleteFile(long id, long fileId) {
        Article before = editable(id);
        ArticleRepository.StoredFile file = repository.file(fileId).filter(f -> f.info().articleId() == id)
                .orElseThrow(() -> notFound("article " + id + " has no file " + fileId));
        repository.deleteFile(fileId);
        repository.rerender(id, body.html(before.bodyMarkdown(), fileIds(id)));
        audit.record("article.file.delete", "article", Long.toString(id), Map.of("file", fileId, "name", file.info().fileName()),
                null, null);
    }

    Article get(long id) {
        return repository.find(id).orElseThrow(() -> notFound("no article " + id));
    }

    List<ArticleFile> files(long id) {
        return repository.files(id);
    }

    ArticleRepository.StoredFile file(long fileId) {
        return repository.file(fileId).orElseThrow(() -> notFound("no file " + fileId));
    }

    PageOf<Article> staffList(ArticleStatus status, String query, Integer page, int size) {
        String q = SearchQuery.of(query);
        int number = PageOf.number(page);
        return new PageOf<>(repository.staffList(status, q, size, (long) (number - 1) * size), number, size, repository.staffCount(status, q));
    }

    private Set<Long> fileIds(long id) {
        Set<Long> ids = new HashSet<>();
        repository.files(id).forEach(f -> ids.add(f.id()));
        return ids;
    }

    private Article locked(long id) {
        return repository.lockForChange(id).orElseThrow(() -> notFound("no article " + id));
    }

    private Article editable(long id) {
        Article article = locked(id);
        if (article.status() != ArticleStatus.DRAFT) {
            throw conflict("article " + id + " is " + article.status() + ": only a draft is changed (return it or withdraw it first)");
        }
        return article;
    }

    /** The form with its words normalised and every field checked, naming the field that is wrong. */
    private ArticleForm checked(ArticleForm form) {
        String section = blankToNull(form.section());
        if (section == null || !sectionsByCode().containsKey(section)) {
            throw unprocessable("section: " + (section == null ? "missing" : "'" + section + "' is none of " + sectionsByCode().keySet()));
        }
        String language = blankToNull(form.language());
        if (!"vi".equals(language) && !"en".equals(language)) {
            throw unprocessable("language: '" + language + "' is neither vi nor en");
        }
        String title = ArticleBody.normalised(form.title()).strip();
        if (title.isEmpty() || title.length() > 300) {
            throw unprocessable("title: " + (title.isEmpty() ? "missing" : title.length() + " characters, more than 300"));
        }
        String summary = ArticleBody.normalised(form.summary()).strip();
        if (summary.length() > 1000) {
            throw unprocessable("summary: " + summary.length() + " characters, more than 1000");
        }
        String markdown = ArticleBody.normalised(form.bodyMarkdown());
        if (markdown.length() > 200_000) {
            throw unprocessable("body: " + markdown.length() + " characters, more than 200000");
        }
        controls("title", title);
        controls("summary", summary);
        controls("body", markdown);
        return new ArticleForm(section, language, title, blankToNull(form.slug()), summary, markdown);
    }

    /** Text with a control character (but tab and line ends) cannot be stored as text nor written in XML: refused, located. */
    private static void controls(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw unprocessable("%s: control character U+%04X at character %d".formatted(field, (int) c, i + 1));
            }
        }
    }

    /** The slug asked for (checked, free), else one made from the title without diacritics, numbered when taken. */
    private String slug(ArticleForm form, Long id) {
        if (form.slug() != null) {
            String asked = form.slug().strip().toLowerCase(Locale.ROOT);
            if (!asked.matches("[a-z0-9]+(-[a-z0-9]+)*") || asked.length() > 120) {
                throw unprocessable("slug: '" + asked + "' is not lower-case letters and digits joined by single hyphens (at most 120)");
            }
            if (repository.slugTaken(asked, id)) {
                throw conflict("slug: '" + asked + "' is another article's");
            }
            return asked;
        }
        String base = Diacritics.fold(form.title()).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 100) {
            base = base.substring(0, 100).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "bai-viet";
        }
        String slug = base;
        for (int n = 2; repository.slugTaken(slug, id); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** What the audit log keeps of an article: everything but the rendered HTML (the source says it). */
    private static Map<String, Object> audited(Article a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("section", a.section());
        m.put("language", a.language());
        m.put("title", a.title());
        m.put("slug", a.slug());
        m.put("summary", a.summary());
        m.put("body", a.bodyMarkdown());
        m.put("status", a.status().name());
        m.put("publishAt", a.publishAt() == null ? null : a.publishAt().toString());
        m.put("translation", a.translationId());
        m.put("author", a.author());
        m.put("submittedBy", a.submittedBy());
        m.put("publishedBy", a.publishedBy());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ResponseStatusException unprocessable(String reason) {
        return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, reason);
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}
