package org.sipas.collection;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.OfficialRef;
import org.sipas.methodology.Methodology;
import org.springframework.stereotype.Component;

/** Questionnaires for a unit: the methodology, with the unit's officials to pick from. */
@Component
class Questionnaires {

    private final CatalogCodes catalog;

    Questionnaires(CatalogCodes catalog) {
        this.catalog = catalog;
    }

    /** @param unitId the unit the answers are about; null: none, the official question is skipped */
    Questionnaire of(Methodology methodology, Long unitId) {
        return new Questionnaire(methodology, unitId == null ? null : once(() -> officials(unitId)));
    }

    String unitName(Long unitId) {
        return unitId == null ? null : catalog.unit(unitId).name();
    }

    /**
     * The staff codes of the unit's officials. The catalog's public face gives officials by staff
     * code for importers, without names, so a respondent picks a code (as printed on the badge at
     * the one-stop desk); names will come with a catalog service for the officials of a unit.
     */
    private List<String> officials(long unitId) {
        return catalog.officialsByStaffCode().values().stream().filter(o -> o.unitId() == unitId)
                .map(OfficialRef::staffCode).sorted(Comparator.naturalOrder()).toList();
    }

    /** Reads the list at most once per request, and only when the official question is drawn or checked. */
    private static Supplier<List<String>> once(Supplier<List<String>> read) {
        return new Supplier<>() {
            private List<String> value;

            @Override
            public List<String> get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
