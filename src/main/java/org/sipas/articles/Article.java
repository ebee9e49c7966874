package org.sipas.articles;

import java.time.Instant;
import java.util.UUID;

/**
 * An article as stored: its Markdown source and the sanitised HTML rendered from it when it was
 * saved (what every page and the feed show, never the source run again).
 *
 * @param translationId the same article in the other language, or null
 * @param publishAt     when a published article becomes visible (Vietnamese time on the pages); null before publication
 * @param snapshotId    the published results snapshot this article announces, or null
 * @param version       1 when written, +1 at each change (part of the public pages' ETag)
 */
public record Article(long id, UUID uuid, String section, String language, Long translationId, String title, String slug,
                      String summary, String bodyMarkdown, String bodyHtml, ArticleStatus status, Instant publishAt,
                      String author, String submittedBy, String publishedBy, Long snapshotId, int version,
                      Instant createdAt, Instant updatedAt) {

    /** Published and its time has come: what the public sees. */
    public boolean visibleAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishAt != null && !publishAt.isAfter(now);
    }

    /** Published with a time still ahead: scheduled. */
    public boolean scheduledAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishAt != null && publishAt.isAfter(now);
    }
}
