/**
 * Articles (tin, bài) of the portal: news, the method, the process, results and documents, in
 * Vietnamese and English.
 *
 * <ul>
 *   <li>An article: section, language (vi or en, linked to its translation both ways), title, slug,
 *       summary, body written in Markdown (CommonMark with tables) and the HTML rendered from it and
 *       sanitised by the OWASP Java HTML Sanitizer when it is saved ({@link org.sipas.articles.ArticleBody}
 *       holds the allow-list); the stored HTML is what the pages and the feed show, never the source
 *       rendered again. Images and attached documents (PDF/DOCX, PNG/JPEG) are kept in the database,
 *       size-limited ({@code sipas.articles.max-file-bytes}) and checked by their first bytes through
 *       the one rule of uploaded files, {@code web.CheckedFile}.</li>
 *   <li>Draft → in review → published. A published article is visible from its publication time on:
 *       visible = published and {@code publish_at <= now()}, one condition in the SQL, so a scheduled
 *       article appears at its time on every node with no job that could run late or twice. The time
 *       is typed and shown in Vietnamese time.</li>
 *   <li>Four eyes: the editor who wrote an article, or who sent it for review, does not publish it;
 *       another editor (or an administrator) does. The portal speaks for the state to every citizen
 *       and a published page is copied at once by readers and feeds, so a mistake is cheaper to catch
 *       before than to correct after; the same rule keeps an analyst from approving their own results
 *       (reporting) and a sampler from approving their own sample (campaign). Only a draft is changed:
 *       an article in review is returned first, a published one withdrawn first, and goes through
 *       review again.</li>
 *   <li>Articles are not scoped by unit: there is one portal, and its editors (role EDITOR, and
 *       ADMIN) are its editorial office. Every change is in the audit log with before and after.</li>
 *   <li>Search finds a word with or without its diacritics: the text and the query are both folded
 *       by PostgreSQL's {@code unaccent} and lower-cased (đ as d) in one immutable function
 *       ({@code fold}, the catalog's own since V1), indexed as a {@code simple} tsvector (GIN); what is typed is read by
 *       {@code websearch_to_tsquery}, which takes any text as a query.</li>
 *   <li>Public pages under {@code /portal/articles} (by section, paged; one article by its slug;
 *       search; an Atom 1.0 feed), read-only, with an ETag made of the visible articles' state and
 *       Cache-Control, kept by the portal's micro-cache and rate-limited per address by
 *       {@code web.RateLimit}. The portal's home shows the latest through {@link org.sipas.articles.PublishedArticles}.</li>
 *   <li>A published results snapshot ({@code reporting.ResultsPublished}, after commit) gets a draft
 *       announcement with its key figures, read through {@code reporting.Publications}, for an
 *       editor to finish; an open survey publishing itself is announced once, by its first
 *       snapshot, not again at each refresh while it takes answers.</li>
 * </ul>
 *
 * Depends on identity (roles, audit log, current user), reporting (the published snapshots and their
 * event), index (the records a snapshot holds), methodology (the names of the index tree's nodes) and web (layout, files, rate limit, pages). The portal
 * depends on this package, never the other way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles (tin, bài)",
        allowedDependencies = {"identity", "reporting", "index", "methodology", "web"})
package org.sipas.articles;
