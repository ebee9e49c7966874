package org.sipas.articles;

/** A file of an article (an image it shows, a decision or plan it attaches), without its bytes. */
public record ArticleFile(long id, long articleId, String fileName, String contentType, int sizeBytes) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** The address the public fetches it at (also what an article's Markdown writes for an image). */
    public String path() {
        return "/portal/articles/files/" + id;
    }
}
