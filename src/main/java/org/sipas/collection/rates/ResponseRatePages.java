package org.sipas.collection.rates;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.OptionalDouble;

import org.sipas.collection.Disposition.Category;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Response rates of a campaign as a page that refreshes itself, and as JSON: for those who read
 * the campaign itself (its page has the same roles), within their scope.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')")
class ResponseRatePages {

    private final ResponseRates rates;

    ResponseRatePages(ResponseRates rates) {
        this.rates = rates;
    }

    /** With htmx polling (every 15 s), only the tables come back. */
    @GetMapping("/campaigns/{id}/response-rates")
    String page(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("rates", rates.of(id));
        model.addAttribute("categories", Category.values());
        return htmx != null ? "collection/rates/rates :: tables" : "collection/rates/rates";
    }

    record Json(long campaignId, String campaign, Line overall, java.util.List<Line> byUnit, java.util.List<Line> byChannel) {
    }

    /** @param rr1 AAPOR response rate 1; null while no case is in its base */
    record Line(String label, long cases, Map<Category, Long> counts, Double rr1, Double coop1) {

        static Line of(RateLine line) {
            return new Line(line.label(), line.cases(), line.counts(), value(line.responseRate()), value(line.cooperationRate()));
        }

        private static Double value(OptionalDouble rate) {
            return rate.isPresent() ? rate.getAsDouble() : null;
        }
    }

    @Operation(summary = "A campaign's response rates (AAPOR) per unit and channel")
    @GetMapping(path = "/api/v1/campaigns/{id}/response-rates", produces = "application/json")
    @ResponseBody
    Json api(@PathVariable long id) {
        ResponseRates.Rates r = rates.of(id);
        return new Json(r.campaign().id(), r.campaign().name(), Line.of(r.overall()),
                r.byUnit().stream().map(Line::of).toList(), r.byChannel().stream().map(Line::of).toList());
    }
}
