package org.sipas.articles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.sipas.web.Formats;
import org.sipas.web.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The editors' pages: the list (with the same search as the portal's, over every status), writing
 * with a Markdown box and a preview rendered and sanitised by the server (htmx swaps it in; without
 * JavaScript "Xem trước" submits the form and the page comes back with the preview and the words
 * kept), files, review, publication now or at a time, withdrawal, translations.
 */
@Controller
@PreAuthorize(EditorPages.EDITORS)
class EditorPages {

    static final String EDITORS = "hasAnyRole('ADMIN','EDITOR')";
    private static final String LIST = "articles/list";
    private static final String EDIT = "articles/edit";
    private static final String PREVIEW = "articles/edit :: preview";
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Articles articles;
    private final long maxFileBytes;

    EditorPages(Articles articles, @Value("${sipas.articles.max-file-bytes:10485760}") long maxFileBytes) {
        this.articles = articles;
        this.maxFileBytes = maxFileBytes;
    }

    @GetMapping("/articles")
    String list(@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        PageOf<Article> found = articles.staffList(status, q, page, 25);
        model.addAttribute("page", found);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("sections", articles.sectionsByCode());
        model.addAttribute("now", Instant.now());
        model.addAttribute("pageLink", "/articles?" + (status == null ? "" : "status=" + status + "&")
                + (q == null ? "" : "q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8) + "&") + "page=");
        return LIST;
    }

    @GetMapping("/articles/new")
    String write(Model model) {
        model.addAttribute("form", new ArticleForm("news", "vi", "", "", "", ""));
        return form(model, null);
    }

    @PostMapping("/articles")
    String create(@RequestParam String section, @RequestParam String language, @RequestParam String title,
                  @RequestParam(required = false) String slug, @RequestParam(required = false) String summary,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String action, Model model) {
        ArticleForm form = new ArticleForm(section, language, title, slug, summary, body);
        if ("preview".equals(action)) {
            model.addAttribute("form", form);
            model.addAttribute("preview", articles.preview(null, body));
            return form(model, null);
        }
        return "redirect:/articles/" + articles.create(form);
    }

    /** The preview htmx asks for: the body as it would be stored, in its frame. */
    @PostMapping("/articles/preview")
    String preview(@RequestParam(required = false) Long id, @RequestParam(required = false) String body, Model model) {
        model.addAttribute("preview", articles.preview(id, body));
        return PREVIEW;
    }

    @GetMapping("/articles/{id}")
    String show(@PathVariable long id, Model model) {
        Article a = articles.get(id);
        model.addAttribute("form", new ArticleForm(a.section(), a.language(), a.title(), a.slug(), a.summary(), a.bodyMarkdown()));
        return form(model, a);
    }

    @PostMapping("/articles/{id}")
    String update(@PathVariable long id, @RequestParam String section, @RequestParam String language, @RequestParam String title,
                  @RequestParam(required = false) String slug, @RequestParam(required = false) String summary,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String action, Model model) {
        ArticleForm form = new ArticleForm(section, language, title, slug, summary, body);
        if ("preview".equals(action)) {
            model.addAttribute("form", form);
            model.addAttribute("preview", articles.preview(id, body));
            return form(model, articles.get(id));
        }
        articles.update(id, form);
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/submit")
    String submit(@PathVariable long id) {
        articles.submit(id);
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/return")
    String giveBack(@PathVariable long id, @RequestParam(required = false) String comment) {
        articles.returnToDraft(id, comment);
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) String publishAt) {
        articles.publish(id, time(publishAt));
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/withdraw")
    String withdraw(@PathVariable long id) {
        articles.withdraw(id);
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/translation")
    String translation(@PathVariable long id, @RequestParam(required = false) String translation) {
        Long other;
        try {
            other = translation == null || translation.isBlank() ? null : Long.valueOf(translation.strip());
        } catch (NumberFormatException e) {
            throw Articles.unprocessable("translation: '" + translation + "' is not an article number");
        }
        articles.linkTranslation(id, other);
        return "redirect:/articles/" + id;
    }

    @PostMapping("/articles/{id}/files")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        try {
            articles.attach(id, file.getOriginalFilename(), file.getBytes(), maxFileBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/articles/" + id + "#files";
    }

    @PostMapping("/articles/{id}/files/{fileId}/delete")
    String deleteFile(@PathVariable long id, @PathVariable long fileId) {
        articles.deleteFile(id, fileId);
        return "redirect:/articles/" + id + "#files";
    }

    /** A file as the editors fetch it, whatever the article's status (the public one waits for publication). */
    @GetMapping("/articles/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        ArticleRepository.StoredFile file = articles.file(fileId);
        if (file.info().articleId() != id) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return PublicArticlePages.fileAnswer(file, org.springframework.http.CacheControl.noStore());
    }

    private String form(Model model, Article article) {
        model.addAttribute("a", article);
        model.addAttribute("sections", articles.sections());
        model.addAttribute("files", article == null ? java.util.List.of() : articles.files(article.id()));
        model.addAttribute("translation", article == null || article.translationId() == null ? null : articles.get(article.translationId()));
        model.addAttribute("maxFileMb", maxFileBytes / (1024 * 1024));
        model.addAttribute("now", Instant.now());
        return EDIT;
    }

    /** A publication time typed in Vietnamese time, as the date-time box sends it or as dd/MM/yyyy HH:mm; null: now. */
    static Instant time(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        try {
            LocalDateTime local = t.contains("T") ? LocalDateTime.parse(t) : LocalDateTime.parse(t, TYPED);
            return local.atZone(Formats.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw Articles.unprocessable("publishAt: '" + t + "' is not a date and time (dd/MM/yyyy HH:mm)");
        }
    }
}
