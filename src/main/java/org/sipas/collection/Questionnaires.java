package org.sipas.collection;

import java.util.List;
import java.util.function.Supplier;

import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitOfficial;
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

    /** The unit's officials, by name: a respondent recognises the person, the answer stores the staff code. */
    private List<UnitOfficial> officials(long unitId) {
        return catalog.officialsOf(unitId);
    }

    /** Reads the list at most once per request, and only when the official question is drawn or checked. */
    private static Supplier<List<UnitOfficial>> once(Supplier<List<UnitOfficial>> read) {
        return new Supplier<>() {
            private List<UnitOfficial> value;

            @Override
            public List<UnitOfficial> get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
