package org.sipas.articles;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * An article's body: Markdown (CommonMark with GFM tables) rendered to HTML, then cleaned by the OWASP
 * Java HTML Sanitizer against an allow-list, once, when the article is saved. The HTML an author
 * writes inside the Markdown passes the renderer untouched and meets the same allow-list, so a
 * {@code <script>}, an {@code onerror=} or a {@code javascript:} link never reaches the stored HTML
 * that the pages and the feed show.
 *
 * <p>The allow-list: paragraphs, headings, lists, quotes, code, emphasis, tables (with their
 * alignment), rules and line breaks; links to http, https and mailto addresses or this site's own
 * paths, each given {@code rel="nofollow"} (an editor's link is no endorsement a search engine should
 * count); images only from the article's own files ({@code /portal/articles/files/{id}} of a file
 * attached to it), never from another site: the portal's security policy loads images from itself only
 * ({@code img-src 'self'}), and a reader's browser should not call a third party that learns who reads
 * what. An image from elsewhere is uploaded to the article. Nothing else: no style, no class but a code block's
 * language, no id, no form, no frame.
 */
@Component
class ArticleBody {

    private static final Pattern OWN_FILE = Pattern.compile("/portal/articles/files/([0-9]{1,18})");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** The sanitised HTML of {@code markdown}, whose images may come only from the files {@code ownFiles}. */
    String html(String markdown, Set<Long> ownFiles) {
        String rendered = renderer.render(parser.parse(normalised(markdown)));
        return policy(ownFiles).sanitize(rendered);
    }

    /** NFC, so that a word typed with combining marks is stored (and searched) as the same word precomposed. */
    static String normalised(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static PolicyFactory policy(Set<Long> ownFiles) {
        Predicate<String> imageSource = src -> {
            Matcher own = OWN_FILE.matcher(src);
            return own.matches() && ownFiles.contains(Long.parseLong(own.group(1)));
        };
        return new HtmlPolicyBuilder()
                .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                        "code", "em", "strong", "b", "i", "del", "s", "sub", "sup",
                        "table", "caption", "thead", "tbody", "tr", "th", "td")
                .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
                .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
                .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9+#_-]{1,30}")).onElements("code")
                .allowUrlProtocols("https", "http", "mailto")
                .allowElements("a")
                .allowAttributes("href", "title").onElements("a")
                .requireRelNofollowOnLinks()
                .allowElements("img")
                .allowAttributes("alt", "title").onElements("img")
                .allowAttributes("src").matching((element, attribute, value) -> imageSource.test(value) ? value : null)
                .onElements("img")
                .toFactory();
    }
}
