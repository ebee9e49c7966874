package org.sipas.campaign;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A campaign's downloads, for the pages and the API alike: work lists and the budget, as CSV or XLSX. */
@Component
class CampaignFiles {

    private final Campaigns campaigns;
    private final WorkLists workLists;

    CampaignFiles(Campaigns campaigns, WorkLists workLists) {
        this.campaigns = campaigns;
        this.workLists = workLists;
    }

    ResponseEntity<byte[]> workList(long id, SurveyChannel channel, String format) {
        return download(workLists.workList(id, channel, format), "danh-sach-" + id + "-" + channel.name().toLowerCase(), format);
    }

    ResponseEntity<byte[]> cost(long id, String format) {
        Campaign campaign = campaigns.get(id);
        CostEstimate cost = campaigns.cost(campaign, campaigns.allocation(campaign));
        List<List<Object>> rows = new ArrayList<>();
        for (CostEstimate.ChannelCost line : cost.channels()) {
            rows.add(List.of(line.channel().name(), line.questionnaires(), line.unitCost(), line.amount()));
        }
        for (FixedCost fixed : cost.fixed()) {
            rows.add(List.of(fixed.item(), "", "", fixed.amount()));
        }
        rows.add(List.of("TOTAL", "", "", cost.total()));
        return download(new TableFile("cost", List.of("item", "questionnaires", "unit_cost_vnd", "amount_vnd"), rows),
                "du-toan-" + id, format);
    }

    /** The file named so that a browser saves it as such. */
    private static ResponseEntity<byte[]> download(TableFile table, String name, String format) {
        boolean xlsx = format.equals("xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"")
                .header(HttpHeaders.CONTENT_TYPE, xlsx ? TableFile.XLSX : TableFile.CSV)
                .body(xlsx ? table.xlsx() : table.csv());
    }
}
