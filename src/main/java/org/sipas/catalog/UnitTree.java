package org.sipas.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit tree as it would be once a file is imported: the stored units overlaid with the file's
 * rows, which may name parents that come later in the file or move existing units. Answers the
 * questions asked before anything is written: does a row sit on a cycle, and what is its path?
 */
final class UnitTree {

    /** A unit already in the database, with its materialised path. */
    record Stored(UnitFields fields, String path) {
    }

    private final Map<String, Stored> stored;
    private final Map<String, UnitFields> imported;
    private final Map<String, String> paths = new HashMap<>();

    UnitTree(Map<String, Stored> stored, Map<String, UnitFields> imported) {
        this.stored = stored;
        this.imported = imported;
    }

    /** The parent code after the import, or null at the nation and for codes nobody knows. */
    String parentOf(String code) {
        UnitFields row = imported.get(code);
        if (row != null) {
            return row.parentCode();
        }
        Stored unit = stored.get(code);
        return unit == null ? null : unit.fields().parentCode();
    }

    /**
     * The codes that lie on a cycle (A's parent is B, B's parent is A). The stored tree has none, so
     * every cycle goes through a row of the file, though it may pass through stored units too.
     */
    Set<String> cycles() {
        Map<String, Boolean> finished = new HashMap<>();
        Set<String> cyclic = new HashSet<>();
        for (String start : imported.keySet()) {
            List<String> walk = new ArrayList<>();
            String at = start;
            while (at != null && !finished.containsKey(at)) {
                finished.put(at, false);
                walk.add(at);
                at = parentOf(at);
            }
            // reached a unit of this very walk, not one finished by an earlier walk: a cycle
            if (at != null && !finished.get(at)) {
                cyclic.addAll(walk.subList(walk.indexOf(at), walk.size()));
            }
            walk.forEach(code -> finished.put(code, true));
        }
        return cyclic;
    }

    /** The path of {@code code} after the import, e.g. /VN/01/00004/, or null when its chain breaks. */
    String path(String code) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = code;
        while (!paths.containsKey(at)) {
            if (!seen.add(at)) {
                return null;
            }
            String parent = parentOf(at);
            if (parent == null) {
                Stored root = stored.get(at);
                if (root == null || imported.containsKey(at)) {
                    return null;
                }
                paths.put(at, root.path());
                break;
            }
            chain.add(at);
            at = parent;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String child = chain.get(i);
            paths.put(child, paths.get(parentOf(child)) + child + "/");
        }
        return paths.get(code);
    }

    /** The depth of a path: 0 for the nation's /VN/, 1 for a province. */
    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
