package org.sipas.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Label;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coded themes of a campaign's open answers for a subtree: how many answers got each code, as
 * a page of its own and as the fragment the dashboard loads beside its figures (the index package
 * knows nothing of coding: the page composes them in the browser, and links here without JavaScript).
 */
@Controller
class ThemePages {

    /** Who reads results: as the dashboard. */
    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";

    private final CodedThemes themes;
    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final UnitDirectory units;

    ThemePages(CodedThemes themes, CampaignScope campaigns, UnitScope scope, UnitDirectory units) {
        this.themes = themes;
        this.campaigns = campaigns;
        this.scope = scope;
        this.units = units;
    }

    /** A code's count in the subtree, with its share of the answers coded there. */
    record Theme(String code, Label label, long answers, double share) {
    }

    @GetMapping("/campaigns/{id}/themes")
    @PreAuthorize(READERS)
    String themes(@PathVariable long id, @RequestParam(required = false) String unit,
                  @RequestHeader(name = "HX-Request", required = false) String fragment, Model model) {
        FieldCampaign campaign = campaigns.overlapping(id);
        long root = scope.unitId();
        if (unit != null && !unit.isBlank()) {
            UnitDirectory.UnitRef ref = units.findByCode(unit.strip())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unit " + unit));
            if (!scope.covers(ref.id())) {
                throw new org.springframework.security.access.AccessDeniedException("unit " + unit + " is outside the caller's scope");
            }
            root = ref.id();
        }
        Map<String, Label> labels = themes.labels(campaign.methodologyCode(), campaign.methodologyVersion());
        Map<String, Long> counts = new LinkedHashMap<>();
        themes.counts(id, root).forEach(t -> counts.merge(t.code(), t.answers(), Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Theme> rows = new ArrayList<>();
        counts.forEach((code, n) -> rows.add(new Theme(code, labels.getOrDefault(code, new Label(code, code)), n,
                total == 0 ? 0 : (double) n / total)));
        rows.sort(Comparator.comparingLong(Theme::answers).reversed().thenComparing(Theme::code));
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", unit);
        model.addAttribute("themes", rows);
        model.addAttribute("total", total);
        return fragment != null ? "quality/themes :: themes" : "quality/themes";
    }
}
