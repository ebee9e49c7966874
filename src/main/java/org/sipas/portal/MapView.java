package org.sipas.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The map of one snapshot: every province of the boundaries, shaded by its published figure (grey
 * without one), each a link to its page when it has figures.
 */
record MapView(double width, double height, List<Area> areas) {

    /** One province on the map. */
    record Area(String code, String name, String path, String shade, PortalFigures.AreaRow row) {
    }

    static MapView of(MapOutline outline, Map<String, PortalFigures.AreaRow> rows, Locale locale) {
        List<Area> areas = new ArrayList<>(outline.shapes().size());
        for (MapOutline.Shape shape : outline.shapes()) {
            PortalFigures.AreaRow row = rows.get(shape.code());
            areas.add(new Area(shape.code(), shape.name(locale), shape.path(),
                    row == null ? "none" : row.shade(), row));
        }
        return new MapView(outline.width(), outline.height(), List.copyOf(areas));
    }
}
