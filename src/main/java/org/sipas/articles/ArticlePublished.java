package org.sipas.articles;

import java.time.Instant;

/**
 * An article was published (visible from {@code visibleFrom}) or withdrawn: published after its
 * transaction commits, so that a cache of the portal's pages can forget what it kept.
 */
public record ArticlePublished(long articleId, Instant visibleFrom) {
}
