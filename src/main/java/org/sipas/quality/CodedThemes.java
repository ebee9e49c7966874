package org.sipas.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.methodology.Label;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coded themes of a campaign's open answers for dashboards: how many answers of each unit got
 * each code in the coding of record (the first coder's), rejected responses left out. The caller
 * decides who may see them and passes the scope (e.g. {@code UnitScope.unitId()}).
 */
@Service
public class CodedThemes {

    /** Answers of a unit that got a code; the unit named as the catalog names it now. */
    public record ThemeCount(long unitId, String unitCode, String unitName, String code, long answers) {
    }

    private final CodingRepository repository;

    CodedThemes(CodingRepository repository) {
        this.repository = repository;
    }

    /** Counts per unit and code, of the units within {@code unitScope} (a unit id: it and its subtree). */
    @Transactional(readOnly = true)
    public List<ThemeCount> counts(long campaignId, long unitScope) {
        return repository.counts(campaignId, unitScope);
    }

    /** The labels of the codes of a methodology version's code frame, in the frame's order. */
    @Transactional(readOnly = true)
    public Map<String, Label> labels(String methodologyCode, int methodologyVersion) {
        Map<String, Label> labels = new LinkedHashMap<>();
        repository.frame(methodologyCode, methodologyVersion).forEach(code -> labels.put(code.code(), code.label()));
        return labels;
    }
}
