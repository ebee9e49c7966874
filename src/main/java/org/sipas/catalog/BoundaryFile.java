package org.sipas.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of province boundaries: one Feature per province, its
 * {@code properties.code} the province's code in the catalog (the official codes of Decision
 * 19/2025/QĐ-TTg, as in the official unit list), a Polygon or MultiPolygon geometry in longitude and
 * latitude (RFC 7946). Every problem is found before anything is kept, each with the line and column
 * of its feature in the file and the JSON path of the faulty member, since such files are often one
 * line long.
 */
final class BoundaryFile {

    private BoundaryFile() {
    }

    /**
     * The provinces of {@code bytes}, or every problem found.
     *
     * @param provinces the catalog's provinces by code: a feature must name one of them (null: a file
     *                  checked before, read again, whatever the catalog holds now)
     */
    static List<ProvinceOutline> read(String file, byte[] bytes, Map<String, String> provinces, JsonMapper json) {
        List<RowError> errors = new ArrayList<>();
        List<ProvinceOutline> read = new ArrayList<>();
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw rejected(file, RowError.of(file, 1, null, "catalog.geojson.notCollection"));
            }
            String type = null;
            boolean sawFeatures = false;
            Set<String> codes = new HashSet<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(member)) {
                    type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                } else if ("features".equals(member) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        TokenStreamLocation at = parser.currentTokenLocation();
                        JsonNode feature = parser.readValueAsTree();
                        ProvinceOutline province = feature(file, new Where(index, at.getLineNr(), at.getColumnNr()), feature,
                                provinces, codes, errors);
                        if (province != null) {
                            read.add(province);
                        }
                        index++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!"FeatureCollection".equals(type) || !sawFeatures) {
                errors.add(0, RowError.of(file, 1, "type", "catalog.geojson.notCollection"));
            } else if (read.isEmpty() && errors.isEmpty()) {
                errors.add(RowError.of(file, 1, "features", "catalog.geojson.empty"));
            }
        } catch (JacksonException broken) {
            TokenStreamLocation at = broken.getLocation();
            throw rejected(file, RowError.of(file, at == null ? 0 : at.getLineNr(), null, "catalog.geojson.syntax",
                    at == null ? 0 : at.getColumnNr(), broken.getOriginalMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(file, errors);
        }
        return read;
    }

    /** Where a feature starts: its index in {@code features} and its line and column in the file. */
    private record Where(int index, int line, int column) {

        String path(String member) {
            return "features[" + index + "]" + (member.isEmpty() ? "" : "." + member);
        }
    }

    private static ProvinceOutline feature(String file, Where at, JsonNode feature, Map<String, String> provinces,
                                    Set<String> codes, List<RowError> errors) {
        int before = errors.size();
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(null))) {
            errors.add(error(file, at, "type", "catalog.geojson.notFeature"));
            return null;
        }
        JsonNode properties = feature.path("properties");
        JsonNode codeNode = properties.path("code");
        String code = codeNode.isString() || codeNode.isIntegralNumber() ? codeNode.asString().strip() : "";
        if (code.isEmpty()) {
            errors.add(error(file, at, "properties.code", "catalog.geojson.noCode"));
        } else if (provinces != null && !provinces.containsKey(code)) {
            errors.add(error(file, at, "properties.code", "catalog.geojson.unknownProvince", code));
        } else if (!codes.add(code)) {
            errors.add(error(file, at, "properties.code", "catalog.geojson.duplicate", code));
        }
        JsonNode geometry = feature.path("geometry");
        String kind = geometry.path("type").asString("");
        List<double[][]> rings = new ArrayList<>();
        JsonNode coordinates = geometry.path("coordinates");
        switch (kind) {
            case "Polygon" -> polygon(file, at, "geometry.coordinates", coordinates, rings, errors);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    errors.add(error(file, at, "geometry.coordinates", "catalog.geojson.noPolygon"));
                }
                for (int p = 0; p < coordinates.size(); p++) {
                    polygon(file, at, "geometry.coordinates[" + p + "]", coordinates.get(p), rings, errors);
                }
            }
            default -> errors.add(error(file, at, "geometry.type", "catalog.geojson.geometry", kind));
        }
        if (errors.size() > before) {
            return null;
        }
        String name = properties.path("name").asString(provinces == null ? code : provinces.getOrDefault(code, code));
        return new ProvinceOutline(code, name, properties.path("nameEn").asString(name), rings);
    }

    private static void polygon(String file, Where at, String path, JsonNode polygon, List<double[][]> rings,
                                List<RowError> errors) {
        if (!polygon.isArray() || polygon.isEmpty()) {
            errors.add(error(file, at, path, "catalog.geojson.noPolygon"));
            return;
        }
        for (int r = 0; r < polygon.size(); r++) {
            String ringPath = path + "[" + r + "]";
            JsonNode ring = polygon.get(r);
            if (!ring.isArray() || ring.size() < 4) {
                errors.add(error(file, at, ringPath, "catalog.geojson.shortRing", ring.size()));
                continue;
            }
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode position = ring.get(i);
                double lon = position.path(0).asDouble(Double.NaN);
                double lat = position.path(1).asDouble(Double.NaN);
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
                        || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                    errors.add(error(file, at, ringPath + "[" + i + "]", "catalog.geojson.position", position.toString()));
                    points = null;
                    break;
                }
                points[i] = new double[] {lon, lat};
            }
            if (points == null) {
                continue;
            }
            if (points[0][0] != points[points.length - 1][0] || points[0][1] != points[points.length - 1][1]) {
                errors.add(error(file, at, ringPath, "catalog.geojson.openRing"));
                continue;
            }
            rings.add(points);
        }
    }

    private static RowError error(String file, Where at, String member, String code, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = at.index() + 1;
        all[1] = at.column();
        System.arraycopy(args, 0, all, 2, args.length);
        return RowError.of(file, at.line(), at.path(member), code, all);
    }

    private static ImportRejectedException rejected(String file, RowError error) {
        return new ImportRejectedException(file, List.of(error));
    }
}
