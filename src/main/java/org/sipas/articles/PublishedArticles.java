package org.sipas.articles;

import java.util.List;
import java.util.Optional;

import org.sipas.web.PageOf;
import org.springframework.stereotype.Service;

/**
 * The articles the public sees: published and their time come (a scheduled one appears at its time on
 * every node, by the database's clock). The portal's home reads the latest here; the articles'
 * own public pages and feed read the rest.
 */
@Service
public class PublishedArticles {

    private final ArticleRepository repository;

    PublishedArticles(ArticleRepository repository) {
        this.repository = repository;
    }

    /** The newest visible articles in {@code language} ({@code vi} or {@code en}). */
    public List<Article> latest(String language, int limit) {
        return repository.visible(language(language), null, Math.max(0, Math.min(limit, 50)), 0);
    }

    /**
     * What the visible articles are now, as a short text that changes with every publication,
     * withdrawal, change of a visible article or scheduled article whose time came: for a page's cache key.
     */
    public String state() {
        return repository.visibleState();
    }

    public List<Section> sections() {
        return repository.sections();
    }

    PageOf<Article> page(String language, String section, Integer page, int size) {
        int number = PageOf.number(page);
        String lang = language(language);
        return new PageOf<>(repository.visible(lang, section, size, (long) (number - 1) * size), number, size,
                repository.visibleCount(lang, section));
    }

    /** Visible articles of either language matching what was typed, best first; an empty page for nothing typed. */
    PageOf<Article> search(String typed, Integer page, int size) {
        String query = SearchQuery.of(typed);
        int number = PageOf.number(page);
        if (query == null) {
            return new PageOf<>(List.of(), number, size, 0);
        }
        return new PageOf<>(repository.search(query, size, (long) (number - 1) * size), number, size, repository.searchCount(query));
    }

    Optional<Article> bySlug(String slug) {
        return repository.visibleBySlug(slug);
    }

    /** The visible translation of an article, if it has one. */
    Optional<Article> translation(Article article) {
        if (article.translationId() == null) {
            return Optional.empty();
        }
        return repository.find(article.translationId()).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .flatMap(a -> repository.visibleBySlug(a.slug()));
    }

    /** A file with its bytes when its article is visible, or whatever its article when {@code editor}. */
    Optional<ArticleRepository.StoredFile> file(long fileId, boolean editor) {
        return repository.file(fileId).filter(f -> editor
                || repository.isVisible(f.info().articleId()));
    }

    List<ArticleFile> files(long articleId) {
        return repository.files(articleId);
    }

    private static String language(String language) {
        return "en".equals(language) ? "en" : "vi";
    }
}
