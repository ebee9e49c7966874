/**
 * The index database (cơ sở dữ liệu chỉ số): the PAR INDEX, SIPAS and any other index a user
 * defines, per unit, year and node of its tree, with where each figure comes from.
 *
 * <ul>
 *   <li>Definitions are versioned trees, like methodologies ({@link org.sipas.indexdb.IndexDefinitions}):
 *       a code, a version, one root, nodes with a code, Vietnamese and English names, a parent, an
 *       ordinal and maximum points (none for an index scored in percent). A version that holds values
 *       or an assessment is frozen (a trigger refuses a change of its nodes): an upload of its code
 *       becomes the next version. Shipped as data ({@code classpath:indexdb/*.yaml}); an ADMIN or
 *       PROVINCE_ADMIN uploads another (e.g. PAPI) as the same YAML or as a CSV/XLSX table read by
 *       the one table reader ({@code web.TabularReader}): all or nothing, each error with its file,
 *       line and field ({@code web.ImportRejectedException}).</li>
 *   <li>What is shipped, and how sure it is. Checked against published summaries, not the decisions'
 *       own tables (each YAML names its sources): {@code par-index-tinh.yaml} ships the eight fields
 *       of the provincial index of Quyết định 2948/QĐ-BNV with their maxima (10, 10, 14.5, 11, 16, 7,
 *       16, 15.5; as the Ministry of Home Affairs' training site bonoivu.cls.vn gives them), an index
 *       since set again by 1150/QĐ-BNV and 876/QĐ-BNV (2022-2030), whose provincial maxima no source
 *       found gives; {@code par-index-bo.yaml} the seven fields of the ministerial index of Quyết định
 *       876/QĐ-BNV (10/11/2022; thuvienphapluat.vn, baophapluat.vn) without maxima, which the
 *       summaries do not give. No source found names the criteria or sub-criteria, so none are shipped
 *       (upload the decision's tree as a new version). SIPAS and its five elements, and the five
 *       groups of Quyết định 766/QĐ-TTg with their points, are from {@code shared/methodology/README.md}.</li>
 *   <li>A parent's value is computed from the tree when read ({@link org.sipas.indexdb.IndexTotals}):
 *       the sum of its children's points, or the mean of their percents. For a points-scored index a
 *       typed parent value is refused, whatever its source; a survey index accepts a parent's own
 *       figure only from a survey or a publication (the published national SIPAS 2019 is one number,
 *       without elements), never from a self-assessment or an appraisal. A value above its node's
 *       maximum is refused.</li>
 *   <li>Values arrive four ways: a published table (CSV/XLSX {@code unit_code, year, node_code, value},
 *       all or nothing, within the importer's scope; PUBLISHED), sipas's own publications
 *       ({@link org.sipas.indexdb.SnapshotFeed}: after {@code reporting.ResultsPublished} commits, the
 *       snapshot read through {@code reporting.Publications}, its sampled figures per unit stored as
 *       SURVEY values of the campaign's year, cells under the portal's minimum n withheld; an open
 *       survey's snapshots, however often it refreshes them while open, store nothing), and the
 *       PAR INDEX workflow ({@link org.sipas.indexdb.Assessments}: SELF_ASSESSMENT then APPRAISAL).
 *       The demo loads the national SIPAS series as PUBLISHED ({@code indexdb/demo/sipas-quoc-gia.csv};
 *       the shared notes give 2017 as about 81% and no 2018 figure).</li>
 *   <li>The workflow: a unit scores each sub-criterion and attaches evidence (bytea, kind and size
 *       checked by the one rule of uploaded files, {@code web.CheckedFile}; {@code sipas.indexdb.max-evidence-bytes}) while
 *       a draft; it submits once every sub-criterion is scored; the level above
 *       ({@code campaign.ApprovalLevels}) appraises, a score other than the unit's own with a reason,
 *       and approves, when the unadjusted scores are kept as appraised. The unit's own scope
 *       ({@code identity.UnitScope}) decides who edits a self-assessment; the one who submitted does not
 *       appraise; every step is in {@code identity.AuditLog}.</li>
 *   <li>What is public: published and surveyed figures and approved appraisals, never a
 *       self-assessment or an appraisal in progress. Pages under {@code /indices} (a ranking and a trend
 *       drawn by {@code js/charts.js} from their tables, a radar drawn here as SVG beside its table, two
 *       units side by side); open data under {@code /api/v1/public/indices/**}, where the portal's
 *       public chain gives CORS and its filter the one rate limit ({@code web.RateLimit}), with an ETag
 *       from the index's stamp and CSV through {@code web.CsvWriter}; the staff API under
 *       {@code /api/v1/indices}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Index database (cơ sở dữ liệu chỉ số)",
        allowedDependencies = {"identity", "catalog", "web", "reporting", "index", "campaign"})
package org.sipas.indexdb;
