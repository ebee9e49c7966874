package org.sipas.articles;

/** Where an article stands: written, waiting for a second editor, published (visible from its time on). */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED
}
