package org.sipas.index;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.sipas.methodology.IndexNode;
import org.sipas.web.Formats;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TabularReader;
import org.sipas.web.TabularRow;

/**
 * A sample collected elsewhere, read from the standalone engine's three files (the layout of the
 * estimation fixture): {@code responses} (response_id, unit, province, one column per criterion),
 * {@code frame_sizes} (unit, province, N_h: one stratum per unit) and {@code index_tree}
 * (criterion, element, optionally weight and element_weight). Every check of a file is made
 * before anything is estimated; a file with errors is rejected whole, naming line and column.
 * Nothing is stored.
 */
final class AnalysisSample {

    /** The overall index's code when the caller names none. */
    static final String OVERALL = "SIPAS";
    /** The nation's domain code. */
    static final String NATION = "VN";

    /** One stratum of the frame. */
    record Stratum(String unit, String province, long populationSize, long line) {
    }

    /** One row of the answer: a figure of one domain. */
    record DomainEstimate(String domainKind, String domain, IndexEstimate estimate) {
    }

    /** The names under which the three files are reported in errors. */
    record FileNames(String responses, String frameSizes, String indexTree) {
    }

    private final IndexTree tree;
    private final List<Stratum> strata;
    private final String by;
    private final int[] stratumOf;
    private final byte[][] answers;
    private final String[] domainOf;

    private AnalysisSample(IndexTree tree, List<Stratum> strata, String by, int[] stratumOf, byte[][] answers,
                           String[] domainOf) {
        this.tree = tree;
        this.strata = strata;
        this.by = by;
        this.stratumOf = stratumOf;
        this.answers = answers;
        this.domainOf = domainOf;
    }

    IndexTree tree() {
        return tree;
    }

    int size() {
        return stratumOf.length;
    }

    /**
     * Reads and checks the three files.
     *
     * @param by      a column of {@code responses} whose values are domains cutting across strata, or null
     * @param overall the overall index's code
     * @throws ImportRejectedException naming the first file with errors, with every error of it
     */
    static AnalysisSample read(FileNames names, InputStream responses, InputStream frameSizes, InputStream indexTree,
                               AnswerCodes codes, String by, String overall) {
        IndexTree tree = readTree(names.indexTree(), indexTree, overall);
        List<Stratum> strata = readFrame(names.frameSizes(), frameSizes);
        return readResponses(names, responses, tree, strata, codes, by);
    }

    // ---- index_tree

    private static IndexTree readTree(String file, InputStream input, String overall) {
        Errors errors = new Errors(file);
        Map<String, List<IndexNode>> elements = new LinkedHashMap<>();
        Map<String, Map<String, Double>> criterionWeights = new HashMap<>();
        Map<String, Double> elementWeights = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Long> elementsWithoutWeight = new LinkedHashMap<>();
        TabularReader.read(file, input, List.of("criterion", "element"), row -> {
            String criterion = required(row, "criterion", errors);
            String element = required(row, "element", errors);
            Double weight = weight(row, "weight", errors);
            Double elementWeight = weight(row, "element_weight", errors);
            if (criterion == null || element == null) {
                return;
            }
            Long seen = firstLine.putIfAbsent(criterion, row.line());
            if (seen != null) {
                errors.add(row.error("criterion", "import.value.duplicate", seen));
                return;
            }
            if (criterion.equals(element) || criterion.equals(overall) || element.equals(overall)
                    || firstLine.containsKey(element) || elements.containsKey(criterion)) {
                errors.add(row.error("criterion", "analysis.tree.codeReused", criterion, element));
                return;
            }
            elements.computeIfAbsent(element, e -> new ArrayList<>())
                    .add(new IndexNode(criterion, null, IndexNode.Rule.SHARE_SATISFIED, criterion, null, null));
            if (weight != null) {
                criterionWeights.computeIfAbsent(element, e -> new LinkedHashMap<>()).put(criterion, weight);
            }
            if (elementWeight != null) {
                Double before = elementWeights.putIfAbsent(element, elementWeight);
                if (before != null && !before.equals(elementWeight)) {
                    errors.add(row.error("element_weight", "analysis.tree.elementWeightDiffers", element, before));
                }
            } else {
                elementsWithoutWeight.putIfAbsent(element, row.line());
            }
        });
        // weights are all or nothing within a node, else "the others weigh what?" has no answer
        criterionWeights.forEach((element, weights) -> {
            for (IndexNode criterion : elements.get(element)) {
                if (!weights.containsKey(criterion.code())) {
                    errors.add(RowError.of(file, firstLine.get(criterion.code()), "weight", "analysis.tree.weightMissing",
                            criterion.code(), element));
                }
            }
        });
        if (!elementWeights.isEmpty()) {
            elementsWithoutWeight.forEach((element, line) -> errors.add(RowError.of(file, line, "element_weight",
                    "analysis.tree.weightMissing", element, overall)));
        }
        if (elements.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.of(file, 0, null, "import.file.empty"));
        }
        errors.rejectIfAny();
        List<IndexNode> children = new ArrayList<>();
        elements.forEach((element, criteria) -> {
            Map<String, Double> weights = criterionWeights.get(element);
            children.add(new IndexNode(element, null, weights == null ? IndexNode.Rule.MEAN : IndexNode.Rule.WEIGHTED,
                    null, criteria, weights));
        });
        IndexNode root = new IndexNode(overall, null, elementWeights.isEmpty()
                ? IndexNode.Rule.MEAN : IndexNode.Rule.WEIGHTED, null, children, elementWeights);
        return IndexTree.of(root);
    }

    private static Double weight(TabularRow row, String column, Errors errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        OptionalDouble weight = Formats.decimal(text);
        if (weight.isPresent() && weight.getAsDouble() > 0) {
            return weight.getAsDouble();
        }
        errors.add(row.error(column, "analysis.tree.weightInvalid", text));
        return null;
    }

    // ---- frame_sizes

    private static List<Stratum> readFrame(String file, InputStream input) {
        Errors errors = new Errors(file);
        Map<String, Stratum> strata = new LinkedHashMap<>();
        TabularReader.read(file, input, List.of("unit", "province", "N_h"), row -> {
            String unit = required(row, "unit", errors);
            String province = required(row, "province", errors);
            String size = required(row, "N_h", errors);
            Long populationSize = null;
            if (size != null) {
                try {
                    populationSize = Long.parseLong(size);
                } catch (NumberFormatException e) {
                    populationSize = null;
                }
                if (populationSize == null || populationSize < 1) {
                    errors.add(row.error("N_h", "analysis.frame.sizeInvalid", size));
                    populationSize = null;
                }
            }
            if (unit == null || province == null || populationSize == null) {
                return;
            }
            Stratum before = strata.putIfAbsent(unit, new Stratum(unit, province, populationSize, row.line()));
            if (before != null) {
                errors.add(row.error("unit", "import.value.duplicate", before.line()));
            }
        });
        if (strata.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.of(file, 0, null, "import.file.empty"));
        }
        errors.rejectIfAny();
        return List.copyOf(strata.values());
    }

    // ---- responses

    private static AnalysisSample readResponses(FileNames names, InputStream input, IndexTree tree, List<Stratum> strata,
                                                AnswerCodes codes, String by) {
        String file = names.responses();
        Errors errors = new Errors(file);
        Map<String, Integer> strataByUnit = new HashMap<>();
        for (int h = 0; h < strata.size(); h++) {
            strataByUnit.put(strata.get(h).unit(), h);
        }
        List<String> required = new ArrayList<>(List.of("response_id", "unit"));
        tree.criteria().forEach(c -> required.add(c.question()));
        if (by != null) {
            String column = by.strip();
            if (column.equalsIgnoreCase("unit") || column.equalsIgnoreCase("province")
                    || column.equalsIgnoreCase("response_id") || tree.position(column) >= 0) {
                throw new ImportRejectedException(file, List.of(RowError.of(file, 1, by, "analysis.by.notDomain", by)));
            }
            required.add(column);
        }
        int k = tree.criteria().size();
        Map<String, Long> ids = new HashMap<>();
        List<Integer> stratumOf = new ArrayList<>();
        List<byte[]> answers = new ArrayList<>();
        List<String> domainOf = new ArrayList<>();
        long[] sampleSizes = new long[strata.size()];
        TabularReader.read(file, input, required, row -> {
            boolean ok = true;
            String id = required(row, "response_id", errors);
            if (id != null) {
                Long seen = ids.putIfAbsent(id, row.line());
                if (seen != null) {
                    errors.add(row.error("response_id", "import.value.duplicate", seen));
                    ok = false;
                }
            }
            String unit = required(row, "unit", errors);
            Integer h = unit == null ? null : strataByUnit.get(unit);
            if (unit != null && h == null) {
                errors.add(row.error("unit", "analysis.response.unitUnknown", unit, names.frameSizes()));
            }
            String province = row.get("province");
            if (h != null && province != null && !province.equals(strata.get(h).province())) {
                errors.add(row.error("province", "analysis.response.provinceDiffers", province, unit,
                        strata.get(h).province()));
                ok = false;
            }
            String domain = by == null ? null : required(row, by.strip(), errors);
            byte[] meanings = new byte[k];
            for (int c = 0; c < k; c++) {
                String column = tree.criteria().get(c).question();
                String text = row.get(column);
                if (text == null) {
                    meanings[c] = AnswerCodes.EXCLUDED;
                    continue;
                }
                byte meaning = -1;
                try {
                    meaning = codes.meaning(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    meaning = -1;
                }
                if (meaning < 0) {
                    errors.add(row.error(column, "analysis.response.answerOutsideScale", text,
                            AnswerCodes.list(codes.levels()), AnswerCodes.list(codes.excluded())));
                    ok = false;
                }
                meanings[c] = meaning;
            }
            if (ok && h != null && id != null && (by == null || domain != null)) {
                stratumOf.add(h);
                answers.add(meanings);
                domainOf.add(domain);
                sampleSizes[h]++;
            }
        });
        errors.rejectIfAny();
        if (stratumOf.isEmpty()) {
            throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.empty")));
        }
        Errors frame = new Errors(names.frameSizes());
        for (int h = 0; h < strata.size(); h++) {
            if (strata.get(h).populationSize() < sampleSizes[h]) {
                frame.add(RowError.of(names.frameSizes(), strata.get(h).line(), "N_h", "analysis.frame.sizeBelowSample",
                        strata.get(h).populationSize(), sampleSizes[h], strata.get(h).unit()));
            }
        }
        frame.rejectIfAny();
        return new AnalysisSample(tree, strata, by == null ? null : by.strip(),
                stratumOf.stream().mapToInt(Integer::intValue).toArray(), answers.toArray(new byte[0][]),
                domainOf.toArray(new String[0]));
    }

    private static String required(TabularRow row, String column, Errors errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(row.error(column, "import.value.required"));
        }
        return value;
    }

    // ---- estimation

    /**
     * The figures of every domain: without {@code by} the nation, each province and each unit (in
     * the frame's order; a province and the nation are unions of strata), with it one domain per
     * value of the column, in sorted order, each a subpopulation of every stratum (as {@code svyby}).
     */
    List<DomainEstimate> estimate() {
        int k = tree.criteria().size();
        List<DomainEstimate> out = new ArrayList<>();
        if (by == null) {
            Sums[] sums = new Sums[strata.size()];
            for (int h = 0; h < sums.length; h++) {
                sums[h] = new Sums(k);
            }
            for (int i = 0; i < stratumOf.length; i++) {
                sums[stratumOf[i]].add(answers[i]);
            }
            List<StratumTotals> all = new ArrayList<>();
            Map<String, List<StratumTotals>> provinces = new LinkedHashMap<>();
            for (int h = 0; h < sums.length; h++) {
                Stratum s = strata.get(h);
                StratumTotals totals = sums[h].totals(s.unit(), s.populationSize(), sums[h].n);
                all.add(totals);
                provinces.computeIfAbsent(s.province(), p -> new ArrayList<>()).add(totals);
            }
            add(out, "nation", NATION, all);
            provinces.forEach((province, totals) -> add(out, "province", province, totals));
            for (int h = 0; h < sums.length; h++) {
                add(out, "unit", strata.get(h).unit(), List.of(all.get(h)));
            }
            return out;
        }
        long[] sampleSizes = new long[strata.size()];
        Map<String, Sums[]> domains = new TreeMap<>(Comparator.naturalOrder());
        for (int i = 0; i < stratumOf.length; i++) {
            sampleSizes[stratumOf[i]]++;
            Sums[] sums = domains.computeIfAbsent(domainOf[i], d -> new Sums[strata.size()]);
            if (sums[stratumOf[i]] == null) {
                sums[stratumOf[i]] = new Sums(k);
            }
            sums[stratumOf[i]].add(answers[i]);
        }
        domains.forEach((domain, sums) -> {
            List<StratumTotals> totals = new ArrayList<>();
            for (int h = 0; h < sums.length; h++) {
                if (sums[h] != null) {
                    totals.add(sums[h].totals(strata.get(h).unit(), strata.get(h).populationSize(), sampleSizes[h]));
                }
            }
            add(out, by, domain, totals);
        });
        return out;
    }

    private void add(List<DomainEstimate> out, String kind, String domain, List<StratumTotals> totals) {
        for (IndexEstimate estimate : Estimator.estimate(tree, totals)) {
            out.add(new DomainEstimate(kind, domain, estimate));
        }
    }

    /** The errors of one file, every one up to a thousand: the first thousand already tell what to fix. */
    private static final class Errors {
        private static final int SHOWN = 1000;
        private final String file;
        private final List<RowError> shown = new ArrayList<>();
        private long count;

        Errors(String file) {
            this.file = file;
        }

        void add(RowError error) {
            count++;
            if (shown.size() < SHOWN) {
                shown.add(error);
            }
        }

        boolean isEmpty() {
            return count == 0;
        }

        void rejectIfAny() {
            if (count == 0) {
                return;
            }
            List<RowError> errors = new ArrayList<>(shown);
            errors.sort(Comparator.comparingLong(RowError::line));
            if (count > shown.size()) {
                errors.add(RowError.of(file, 0, null, "analysis.moreErrors", count - shown.size()));
            }
            throw new ImportRejectedException(file, errors);
        }
    }
}
