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
 *   <li>Open online surveys show their results at {@code /portal/open-surveys/{id}} from their
 *       published snapshot, like every result here: prepared, frozen and published through
 *       reporting's one approval path, approved by the level above, or published when the survey
 *       closes by its own setting ({@code campaign.OpenCampaign#publishResults};
 *       {@code reporting.ResultsApproval#publishBySetting}, the skipped approval audited) and, when it
 *       is set so ({@code campaign.OpenCampaign#refreshHours}), again every few hours while it takes
 *       answers: the page shows the latest snapshot, the date and time it stands at, and "còn đang
 *       nhận phiếu / still collecting" while the survey takes answers. Such a
 *       snapshot freezes the PORTAL series alone ({@code reporting.Snapshot#ofOpenSurvey}), so it is
 *       never a headline, a trend point, a campaign page or open data of the sampled campaigns; its
 *       page labels the series as no random sample and suppresses every cell under the minimum n.</li>
 *   <li>The home also draws the national SIPAS series year by year from the index database
 *       ({@code indexdb.IndexValues#trend} of the nation, e.g. the published 2017-2024 figures the demo
 *       loads), a line chart with its table beside it; the page's cache key holds the index's stamp.</li>
 *   <li>Everything else is read from published snapshots only ({@code reporting.Publications}): what is
 *       here was approved, is immutable, and holds no personal data. A page's ETag is the snapshot's
 *       id and version with the language, so a reader's browser or a proxy asks again for nothing.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal (cổng thông tin)",
        allowedDependencies = {"reporting", "index", "catalog", "identity", "methodology", "web", "articles", "campaign", "indexdb"})
package org.sipas.portal;
