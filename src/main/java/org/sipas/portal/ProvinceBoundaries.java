package org.sipas.portal;

import java.util.List;
import java.util.Optional;

import org.sipas.catalog.ProvinceOutlines;
import org.springframework.stereotype.Service;

/**
 * The portal's map of the provinces, drawn from the boundaries in the catalog ({@link ProvinceOutlines}).
 * Drawing takes a second for a real file, so the outline is kept and drawn again only when the
 * catalog holds a newer upload.
 */
@Service
class ProvinceBoundaries {

    private final ProvinceOutlines outlines;
    private final PageCache pages;
    private volatile MapOutline drawn;

    ProvinceBoundaries(ProvinceOutlines outlines, PageCache pages) {
        this.outlines = outlines;
        this.pages = pages;
    }

    /** Checks and stores the file (see {@link ProvinceOutlines#upload}); the cached pages show the new map. */
    ProvinceOutlines.Upload upload(String fileName, byte[] bytes) {
        ProvinceOutlines.Upload stored = outlines.upload(fileName, bytes);
        pages.forget();
        return stored;
    }

    Optional<ProvinceOutlines.Upload> current() {
        return outlines.current();
    }

    List<ProvinceOutlines.Upload> history() {
        return outlines.history();
    }

    /** The map of the newest upload; empty when nobody uploaded boundaries yet. */
    Optional<MapOutline> outline() {
        return outlines.newest().map(boundaries -> {
            MapOutline known = drawn;
            if (known == null || known.boundariesId() != boundaries.id()) {
                known = MapOutline.of(boundaries.id(), boundaries.list());
                drawn = known;
            }
            return known;
        });
    }
}
