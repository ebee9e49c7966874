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
 *   <li>What is shipped, and how sure it is. The shared notes of the project hold no PAR INDEX
 *       structure: {@code par-index-tinh.yaml} ships the eight fields with maxima summing to 100 and
 *       {@code par-index-bo.yaml} the seven fields without maxima, both RECONSTRUCTED (as remembered of
 *       Quyết định 2636/QĐ-BNV, 2017), not read from an official text; their criteria and
 *       sub-criteria are not shipped (upload the real tree as a new version). SIPAS and its five
 *       elements, and the five groups of Quyết định 766/QĐ-TTg with their points, are from
 *       {@code shared/methodology/README.md}.</li>
 *   <li>A parent's value is computed from the tree when read ({@link org.sipas.indexdb.IndexTotals}):
 *       the sum of its children's points, or the mean of their percents. For a points-scored index a
 *       typed parent value is refused, whatever its source; a survey index accepts a parent's own
 *       figure only from a survey or a publication (the published national SIPAS 2019 is one number,
 *       without elements), never from a self-assessment or an appraisal. A value above its node's
 *       maximum is refused.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Index database (cơ sở dữ liệu chỉ số)",
        allowedDependencies = {"identity", "catalog", "web", "reporting", "index", "campaign"})
package org.sipas.indexdb;
