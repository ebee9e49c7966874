package org.sipas.articles;

/** What an editor writes: the article's words, section and language (the slug is made from the title when blank). */
record ArticleForm(String section, String language, String title, String slug, String summary, String bodyMarkdown) {
}
