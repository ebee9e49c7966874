package org.sipas.reporting;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.UnitScope;
import org.sipas.index.Domain;
import org.sipas.index.Estimates;
import org.sipas.index.Series;
import org.sipas.methodology.Codebook;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodologies;
import org.sipas.quality.AcceptedResponses;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResponseExportColumn.Kind;
import org.sipas.web.CsvWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The accepted responses of one or more campaigns for analysts, without personal data, as CSV
 * (UTF-8 with the byte order mark Excel needs) or as an SPSS {@code .sav}: the columns of
 * {@link ResponseExportDictionary}, a row per accepted response of a unit within the caller's
 * scope. Each campaign lies wholly within the caller's scope ({@link CampaignScope#within}: 404
 * for none, 403 otherwise), as approving its results requires: a stratum's weight is the whole
 * campaign's, and so is the export; the answer is read in one repeatable-read transaction (the {@code .sav} reads it twice:
 * once for the widths of its strings, once to write), and the export is in the audit log.
 */
@Service
class ResponseExports {

    /** More campaigns in one export is more likely a mistake than an analysis. */
    static final int MAX_CAMPAIGNS = 50;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CampaignScope campaignScope;
    private final UnitScope unitScope;
    private final Methodologies methodologies;
    private final AcceptedResponses accepted;
    private final Estimates estimates;
    private final ReviewDecisions decisions;
    private final CatalogCodes catalog;
    private final AuditLog audit;

    ResponseExports(CampaignScope campaignScope, UnitScope unitScope, Methodologies methodologies, AcceptedResponses accepted,
                    Estimates estimates, ReviewDecisions decisions, CatalogCodes catalog, AuditLog audit) {
        this.campaignScope = campaignScope;
        this.unitScope = unitScope;
        this.methodologies = methodologies;
        this.accepted = accepted;
        this.estimates = estimates;
        this.decisions = decisions;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The campaigns of an export, checked, with their codebooks (each code's versions newest first) and weights. */
    record Export(List<FieldCampaign> campaigns, List<Codebook> codebooks, Map<Long, Map<Long, Estimates.StratumSize>> weights,
                  Map<Long, CatalogCodes.UnitRef> units) {

        Map<Long, String> campaignNames() {
            Map<Long, String> names = new LinkedHashMap<>();
            campaigns.forEach(c -> names.put(c.id(), c.name()));
            return names;
        }

        String fileName(String extension) {
            StringBuilder name = new StringBuilder("responses");
            campaigns.forEach(c -> name.append('-').append(c.id()));
            return name.append('.').append(extension).toString();
        }
    }

    /** Writes the CSV to the stream {@code open} gives once every check has passed; the number of rows. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public long csv(List<Long> campaignIds, Consumer<String> named, Supplier<OutputStream> open) {
        Export export = export(campaignIds);
        List<ResponseExportColumn> columns = ResponseExportDictionary.columns(export.codebooks(), export.campaignNames(), Map.of());
        named.accept(export.fileName("csv"));
        long[] rows = {0};
        // answers and labels come from outside: the one CSV writer neutralises a cell that starts like a formula
        try (CsvWriter csv = CsvWriter.to(open.get(), true)) {
            csv.row(columns.stream().map(ResponseExportColumn::name).toList());
            each(export, row -> {
                List<Object> cells = new ArrayList<>(columns.size());
                for (ResponseExportColumn column : columns) {
                    Object value = column.value().apply(row);
                    cells.add(value instanceof LocalDate date ? DAY.format(date) : value);
                }
                csv.row(cells);
                rows[0]++;
            });
        }
        audited(export, "csv", rows[0]);
        return rows[0];
    }

    /** Writes the {@code .sav} to the stream {@code open} gives once every check has passed; the number of cases. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public long sav(List<Long> campaignIds, Consumer<String> named, Supplier<OutputStream> open) {
        Export export = export(campaignIds);
        // first reading: how wide each string is (the dictionary comes before the data), and the units' names
        List<ResponseExportColumn> first = ResponseExportDictionary.columns(export.codebooks(), export.campaignNames(), Map.of());
        int[] widths = new int[first.size()];
        Map<String, String> units = new TreeMap<>();
        long[] cases = {0};
        each(export, row -> {
            for (int i = 0; i < widths.length; i++) {
                if (first.get(i).kind() == Kind.TEXT && first.get(i).value().apply(row) instanceof String text) {
                    widths[i] = Math.max(widths[i], text.getBytes(StandardCharsets.UTF_8).length);
                }
            }
            units.put(row.unit().code(), row.unit().name());
            cases[0]++;
        });
        List<ResponseExportColumn> columns = ResponseExportDictionary.columns(export.codebooks(), export.campaignNames(), units);
        List<SavWriter.Variable> variables = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            variables.add(variable(columns.get(i), widths[i]));
        }
        named.accept(export.fileName("sav"));
        OutputStream out = open.get();
        SavWriter writer = new SavWriter(out, variables, ResponseExportDictionary.WEIGHT);
        writer.writeDictionary(fileLabel(export), cases[0], LocalDateTime.now(VIETNAM));
        long[] written = {0};
        each(export, row -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value().apply(row);
            }
            writer.writeCase(values);
            written[0]++;
        });
        if (written[0] != cases[0]) {
            // the repeatable read makes this impossible; a file whose header lies must not go out quietly
            throw new IllegalStateException("the export read " + cases[0] + " responses, then " + written[0]);
        }
        writer.flush();
        audited(export, "sav", written[0]);
        return written[0];
    }

    private Export export(List<Long> campaignIds) {
        Set<Long> ids = new LinkedHashSet<>(campaignIds == null ? List.of() : campaignIds);
        if (ids.isEmpty() || ids.size() > MAX_CAMPAIGNS) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "campaign: name 1 to " + MAX_CAMPAIGNS
                    + " campaigns to export (?campaign=1&campaign=2), got " + ids.size());
        }
        List<FieldCampaign> campaigns = new ArrayList<>();
        Map<Long, Map<Long, Estimates.StratumSize>> byCampaign = new HashMap<>();
        Map<String, List<Integer>> versions = new LinkedHashMap<>();
        for (long id : ids) {
            FieldCampaign campaign = campaignScope.within(id);
            campaigns.add(campaign);
            byCampaign.put(id, weights(id));
            List<Integer> known = versions.computeIfAbsent(campaign.methodologyCode(), code -> new ArrayList<>());
            if (!known.contains(campaign.methodologyVersion())) {
                known.add(campaign.methodologyVersion());
            }
        }
        List<Codebook> codebooks = new ArrayList<>();
        versions.forEach((code, numbers) -> numbers.stream().sorted(Comparator.reverseOrder())
                .forEach(version -> codebooks.add(Codebook.of(methodologies.find(code, version).orElseThrow(() ->
                        new IllegalStateException("campaign methodology " + code + " version " + version + " is not installed"))))));
        return new Export(campaigns, codebooks, byCampaign, new HashMap<>());
    }

    /**
     * The design weights of a campaign's strata as its approved results weigh them: the index engine's
     * N_h and n_h over the campaign's accepted responses ({@code Estimates.ofResponses}, the source of
     * a snapshot's lineage), so an analyst's weighted figures from the export are the approved ones.
     */
    private Map<Long, Estimates.StratumSize> weights(long campaignId) {
        Map<Long, Estimates.StratumSize> strata = new HashMap<>();
        estimates.ofResponses(campaignId, decisions.accepted(campaignId), Map.of(Series.SAMPLED, List.of(Domain.NATION)))
                .strata().forEach(s -> strata.put(s.stratumId(), s));
        return strata;
    }

    /** Every accepted response of the export's campaigns within the caller's scope, campaign by campaign, in id order. */
    private void each(Export export, Consumer<ResponseExportRow> each) {
        long scope = unitScope.unitId();
        for (FieldCampaign campaign : export.campaigns()) {
            Map<Long, Estimates.StratumSize> strata = export.weights().get(campaign.id());
            accepted.each(campaign.id(), scope, response -> each.accept(new ResponseExportRow(response, campaign,
                    export.units().computeIfAbsent(response.unitId(), catalog::unit),
                    response.stratumId() == null ? null : strata.get(response.stratumId()))));
        }
    }

    private static SavWriter.Variable variable(ResponseExportColumn column, int dataWidth) {
        String label = label(column.label());
        Map<Object, String> labels = new LinkedHashMap<>();
        return switch (column.kind()) {
            case NUMBER -> {
                column.values().forEach((code, l) -> {
                    try {
                        labels.put(new BigDecimal(code).doubleValue(), label(l));
                    } catch (NumberFormatException e) {
                        // a code that is not a number cannot label a number (the codebook's scales have whole codes)
                    }
                });
                yield new SavWriter.Variable(column.name(), label, 0, SavWriter.Format.number(column.digits(), column.decimals()),
                        column.measure(), labels, column.missing());
            }
            case DATE -> new SavWriter.Variable(column.name(), label, 0, SavWriter.Format.date(), column.measure(), null, null);
            case TEXT -> {
                int width = Math.max(1, dataWidth);
                for (Map.Entry<String, Label> value : column.values().entrySet()) {
                    width = Math.max(width, value.getKey().getBytes(StandardCharsets.UTF_8).length);
                    labels.put(value.getKey(), label(value.getValue()));
                }
                if (width > SavWriter.MAX_WIDTH) {
                    // known before a byte is sent: the caller gets a problem, not half a file
                    throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "An answer to " + column.name() + " is "
                            + width + " bytes long, more than an SPSS string holds (" + SavWriter.MAX_WIDTH
                            + " bytes): export these responses as CSV, which keeps it whole.");
                }
                yield new SavWriter.Variable(column.name(), label, width, SavWriter.Format.text(Math.min(width, 255)),
                        column.measure(), labels, null);
            }
        };
    }

    /** The file's label: the campaign's name, or how many campaigns it holds. */
    private static String fileLabel(Export export) {
        return export.campaigns().size() == 1 ? export.campaigns().get(0).name()
                : "Phiếu trả lời của " + export.campaigns().size() + " đợt khảo sát";
    }

    private static String label(Label label) {
        return label == null ? null : label.vi() != null ? label.vi() : label.first();
    }

    private void audited(Export export, String format, long rows) {
        for (FieldCampaign campaign : export.campaigns()) {
            audit.record("responses.export", "campaign", Long.toString(campaign.id()), null,
                    Map.of("format", format, "campaigns", export.campaignNames().keySet(), "rows", rows),
                    "accepted responses exported without personal data (" + format + ")");
        }
    }
}
