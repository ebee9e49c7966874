package org.sipas.articles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.web.PageOf;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public pages of the articles: the list by section (paged), the search, one article by its slug,
 * and the files a visible article holds. Read-only; each answer carries an ETag made of what the
 * visible articles are now (a publication, a change or a scheduled article whose time came is a new
 * tag) and the language, so a browser, a proxy or the portal's micro-cache asks again for nothing.
 * A signed-in staff member's page is rendered for them alone (their way back to work) and not kept.
 */
@Controller
class PublicArticlePages {

    static final int PAGE_SIZE = 10;
    private static final CacheControl LISTS = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    private static final CacheControl ARTICLE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final CacheControl FILES = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final PublishedArticles published;

    PublicArticlePages(PublishedArticles published) {
        this.published = published;
    }

    @GetMapping("/portal/articles")
    String list(@RequestParam(required = false) String section, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Locale locale, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        var sections = published.sections();
        String chosen = sections.stream().map(Section::code).filter(c -> c.equals(section)).findFirst().orElse(null);
        if (notModified("list." + published.state(), locale, LISTS, model, request, response)) {
            return null;
        }
        String query = SearchQuery.of(q);
        PageOf<Article> found = query != null ? published.search(query, page, PAGE_SIZE)
                : published.page(locale.getLanguage(), chosen, page, PAGE_SIZE);
        model.addAttribute("sections", sections);
        model.addAttribute("section", chosen);
        model.addAttribute("q", query);
        model.addAttribute("page", found);
        model.addAttribute("pageLink", "/portal/articles?" + (chosen == null ? "" : "section=" + chosen + "&")
                + (query == null ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&") + "page=");
        return "articles/portal-list";
    }

    @GetMapping("/portal/articles/{slug}")
    String article(@PathVariable String slug, Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (slug.length() > 120) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Article article = published.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no article " + slug));
        if (notModified("article." + article.id() + "." + article.version() + "." + published.state(), locale, ARTICLE, model,
                request, response)) {
            return null;
        }
        model.addAttribute("a", article);
        model.addAttribute("section", published.sections().stream().filter(s -> s.code().equals(article.section())).findFirst()
                .orElse(null));
        model.addAttribute("translation", published.translation(article).orElse(null));
        model.addAttribute("documents", published.files(article.id()).stream().filter(f -> !f.isImage()).toList());
        return "articles/portal-article";
    }

    /** A file of a visible article; an editor signed in also gets the files of an article not visible yet (its preview). */
    @GetMapping("/portal/articles/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long fileId, HttpServletRequest request) {
        boolean editor = request.isUserInRole("EDITOR") || request.isUserInRole("ADMIN");
        ArticleRepository.StoredFile file = published.file(fileId, editor)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + fileId));
        return fileAnswer(file, editor ? CacheControl.noStore() : FILES);
    }

    /** A stored file as sent: its checked type, never sniffed; images inline, documents as downloads. */
    static ResponseEntity<byte[]> fileAnswer(ArticleRepository.StoredFile file, CacheControl cache) {
        ArticleFile info = file.info();
        ContentDisposition disposition = (info.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(info.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                // no ETag: the portal's micro-cache keeps only tagged answers, and a file (up to the size limit) is no page to keep in memory
                .cacheControl(cache)
                .body(file.content());
    }

    /**
     * Sets the caching headers of a public page and answers whether the browser's copy is current
     * (then the 304 is sent and there is nothing to render); for a signed-in staff member, no-store.
     */
    static boolean notModified(String state, Locale locale, CacheControl cache, Model model, HttpServletRequest request,
                               HttpServletResponse response) {
        Principal staff = request.getUserPrincipal();
        response.setHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
        if (staff != null) {
            model.addAttribute("staff", staff.getName());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            return false;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
        String tag = "\"articles-" + state.replaceAll("[^A-Za-z0-9.]", "") + "-" + locale.getLanguage() + "\"";
        return new ServletWebRequest(request, response).checkNotModified(tag);
    }
}
