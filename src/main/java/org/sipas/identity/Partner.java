package org.sipas.identity;

import java.util.List;

/**
 * A partner organisation (tổ chức phối hợp).
 *
 * @param homeUnitId  the unit whose administrators manage it
 * @param unitIds     the units it serves, each with its subtree
 * @param campaignIds the campaigns it works in
 */
public record Partner(long id, String name, PartnerKind kind, long homeUnitId, List<Long> unitIds, List<Long> campaignIds) {

    public Partner {
        unitIds = List.copyOf(unitIds);
        campaignIds = List.copyOf(campaignIds);
    }
}
