/**
 * The public portal (cổng thông tin): published results for everyone, no log-in, and the open data.
 *
 * <ul>
 *   <li>Pages at {@code /portal} (and {@code /} for a visitor who is not signed in): the latest and
 *       past published figures of the nation, each province and unit, each with its 95% interval and
 *       n, cells under the minimum n ({@code sipas.portal.minimum-n}) suppressed; the ranking with
 *       grades; the choropleth map of the provinces, drawn on the server as SVG from the boundaries
 *       an administrator uploaded to the catalog ({@link org.sipas.catalog.ProvinceOutlines}, page
 *       {@code /admin/map}), with the table beside it; trends over the published campaigns of one
 *       methodology; the methodology, questionnaire and sample (lineage); the counter series labelled
 *       apart from the sample's. Charts are drawn from the tables by a script after the page shows.</li>
 *   <li>Open data: CSV of every table and a read-only JSON API under {@code /api/v1/public/**},
 *       versioned by snapshot, CORS for reads, rate-limited per address (the one limiter,
 *       {@code web.RateLimit}).</li>
 *   <li>Open online surveys whose campaign says so ({@code campaign.OpenCampaign#publishResults}) show
 *       their results by themselves at {@code /portal/open-surveys/{id}}, read from the tallies of
 *       their PORTAL series (not a snapshot: an open survey has no sample to approve), every cell
 *       under the minimum n suppressed, and the page says in so many words that an open survey is
 *       not a random sample.</li>
 *   <li>Everything else is read from published snapshots only ({@code reporting.Publications}): what is
 *       here was approved, is immutable, and holds no personal data. A page's ETag is the snapshot's
 *       id and version with the language, so a reader's browser or a proxy asks again for nothing.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal (cổng thông tin)",
        allowedDependencies = {"reporting", "index", "catalog", "identity", "methodology", "web", "articles", "campaign"})
package org.sipas.portal;
