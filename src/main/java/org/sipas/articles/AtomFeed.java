package org.sipas.articles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The articles as an Atom 1.0 feed (RFC 4287), one per language ({@code ?language=en}; Vietnamese
 * otherwise): the newest {@value #ENTRIES} visible articles, each with its id (a {@code urn:uuid} kept
 * with the article, so it is the same whatever the slug or the address the portal is reached at), title,
 * times, link, summary and the stored sanitised HTML as its content. Written by the JDK's XML writer,
 * which escapes what it must. Links are absolute with {@code SIPAS_PUBLIC_URL} set and relative to
 * the feed otherwise: an address taken from the request's Host header would be kept by the portal's
 * micro-cache and given to every reader.
 */
@RestController
class AtomFeed {

    static final int ENTRIES = 30;
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final PublishedArticles published;
    private final String base;

    AtomFeed(PublishedArticles published, @Value("${sipas.survey.public-url:}") String publicUrl) {
        this.published = published;
        this.base = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    @GetMapping("/portal/articles/feed.atom")
    ResponseEntity<byte[]> feed(@RequestParam(required = false) String language, HttpServletRequest request) {
        String lang = "en".equals(language) ? "en" : "vi";
        String tag = "\"feed-" + lang + "-" + published.state().replaceAll("[^A-Za-z0-9.]", "") + "\"";
        String sent = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (sent != null && (sent.contains(tag) || sent.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(CACHE).build();
        }
        byte[] body = write(lang, published.latest(lang, ENTRIES));
        return ResponseEntity.ok().contentType(ATOM).eTag(tag).cacheControl(CACHE).body(body);
    }

    byte[] write(String lang, List<Article> articles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            xml.writeAttribute("xml:lang", lang);
            text(xml, "id", "urn:uuid:" + UUID.nameUUIDFromBytes(("sipas-articles-" + lang).getBytes(StandardCharsets.UTF_8)));
            text(xml, "title", "en".equals(lang) ? "SIPAS satisfaction index: news and articles" : "Chỉ số hài lòng SIPAS: tin, bài");
            Instant updated = articles.stream().map(AtomFeed::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
            text(xml, "updated", time(updated));
            link(xml, "self", ATOM.toString(), base + "/portal/articles/feed.atom" + ("en".equals(lang) ? "?language=en" : ""));
            link(xml, "alternate", "text/html", base + "/portal/articles");
            xml.writeStartElement("author");
            text(xml, "name", "sipas");
            xml.writeEndElement();
            for (Article a : articles) {
                xml.writeStartElement("entry");
                text(xml, "id", "urn:uuid:" + a.uuid());
                text(xml, "title", a.title());
                text(xml, "published", time(a.publishAt()));
                text(xml, "updated", time(updated(a)));
                link(xml, "alternate", "text/html", base + "/portal/articles/" + a.slug());
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", a.section());
                if (!a.summary().isEmpty()) {
                    text(xml, "summary", a.summary());
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(a.bodyHtml());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        return out.toByteArray();
    }

    /** When an entry last changed for a reader: its last edit, or its publication time when that came later. */
    private static Instant updated(Article a) {
        return a.publishAt() != null && a.publishAt().isAfter(a.updatedAt()) ? a.publishAt() : a.updatedAt();
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
