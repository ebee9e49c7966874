package org.sipas.indexdb;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.Formats;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The index database's pages: the indices, one index's tree and its ranking of a year, a unit's
 * trend (a line drawn from the table by the shared charts script) and its fields as a radar (SVG
 * drawn here), two units side by side; uploads of a definition and of a published table. The
 * figures shown are the public ones ({@link IndexValues#shown}).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IndexController {

    private static final String LIST = "indexdb/indices";
    private static final String INDEX = "indexdb/index";
    private static final String UNIT = "indexdb/unit";
    private static final String COMPARE = "indexdb/compare";

    private final IndexDefinitions definitions;
    private final IndexValues values;
    private final UnitDirectory units;
    private final ImportErrors importErrors;

    IndexController(IndexDefinitions definitions, IndexValues values, UnitDirectory units, ImportErrors importErrors) {
        this.definitions = definitions;
        this.values = values;
        this.units = units;
        this.importErrors = importErrors;
    }

    /** One year of a unit's trend. */
    record TrendRow(int year, ValueSource source, BigDecimal total) {
    }

    /** One node of two units side by side. */
    record CompareRow(IndexDefinition.Node node, BigDecimal a, BigDecimal b, BigDecimal difference) {
    }

    @GetMapping("/indices")
    String list(Model model) {
        model.addAttribute("indices", definitions.all());
        return LIST;
    }

    @PostMapping("/indices")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    String upload(@RequestParam MultipartFile file, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String nameVi, @RequestParam(required = false) String nameEn,
                  @RequestParam(required = false) String aggregation, @RequestParam(required = false) String sourceNote,
                  Locale locale, RedirectAttributes redirect, Model model, HttpServletResponse response) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            IndexDefinition stored = name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml")
                    ? definitions.uploadYaml(name, in)
                    : definitions.uploadTable(name, in, code, nameVi, nameEn, aggregation, sourceNote);
            redirect.addFlashAttribute("stored", stored.code() + " v" + stored.version());
            return "redirect:/indices/" + stored.code();
        } catch (ImportRejectedException rejected) {
            // nothing was stored: the page again, with every error by line and field
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", importErrors.show(rejected, locale));
            return list(model);
        }
    }

    @GetMapping("/indices/{code}")
    String index(@PathVariable String code, @RequestParam(required = false) Integer year, Locale locale, Model model) {
        IndexDefinition d = definition(code);
        List<Integer> years = values.years(code);
        Integer shownYear = year != null ? year : years.isEmpty() ? null : years.get(0);
        model.addAttribute("index", d);
        model.addAttribute("english", english(locale));
        model.addAttribute("versions", definitions.versions(code));
        model.addAttribute("years", years);
        model.addAttribute("year", shownYear);
        model.addAttribute("ranking", shownYear == null ? List.of() : values.ranking(d, shownYear));
        model.addAttribute("units", values.units(code));
        return INDEX;
    }

    @PostMapping("/indices/{code}/values")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    String importValues(@PathVariable String code, @RequestParam MultipartFile file, Locale locale, RedirectAttributes redirect,
                        Model model, HttpServletResponse response) throws IOException {
        definition(code);
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("imported", values.importPublished(file.getOriginalFilename(), in, code));
        } catch (ImportRejectedException rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", importErrors.show(rejected, locale));
            return index(code, null, locale, model);
        }
        return "redirect:/indices/" + code;
    }

    @GetMapping("/indices/{code}/units/{unitCode}")
    String unit(@PathVariable String code, @PathVariable String unitCode, @RequestParam(required = false) Integer year, Locale locale,
                Model model) {
        IndexDefinition d = definition(code);
        UnitDirectory.UnitRef unit = unit(unitCode);
        List<UnitFigures> shown = values.shown(code, unit.id(), null);
        List<TrendRow> trend = shown.stream().sorted(Comparator.comparingInt(UnitFigures::year))
                .map(f -> new TrendRow(f.year(), f.source(), f.total(d))).toList();
        Optional<UnitFigures> ofYear = year == null
                ? shown.stream().max(Comparator.comparingInt(UnitFigures::year))
                : shown.stream().filter(f -> f.year() == year).findFirst();
        model.addAttribute("index", d);
        model.addAttribute("english", english(locale));
        model.addAttribute("unit", unit);
        model.addAttribute("trend", trend);
        model.addAttribute("figures", ofYear.orElse(null));
        model.addAttribute("radar", ofYear.map(f -> Radar.of(d, f.values(), english(locale))).orElse(null));
        model.addAttribute("units", values.units(code));
        return UNIT;
    }

    @GetMapping("/indices/{code}/compare")
    String compare(@PathVariable String code, @RequestParam(required = false) String a, @RequestParam(required = false) String b,
                   @RequestParam(required = false) Integer year, Locale locale, Model model) {
        IndexDefinition d = definition(code);
        List<Integer> years = values.years(code);
        Integer shownYear = year != null ? year : years.isEmpty() ? null : years.get(0);
        model.addAttribute("index", d);
        model.addAttribute("english", english(locale));
        model.addAttribute("years", years);
        model.addAttribute("year", shownYear);
        model.addAttribute("units", values.units(code));
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        if (a != null && b != null && shownYear != null) {
            Map<String, BigDecimal> va = figuresOf(code, unit(a), shownYear);
            Map<String, BigDecimal> vb = figuresOf(code, unit(b), shownYear);
            List<CompareRow> rows = new ArrayList<>();
            for (IndexDefinition.Node n : d.nodes()) {
                BigDecimal x = va.get(n.code());
                BigDecimal y = vb.get(n.code());
                rows.add(new CompareRow(n, x, y, x == null || y == null ? null : x.subtract(y).stripTrailingZeros()));
            }
            model.addAttribute("unitA", unit(a));
            model.addAttribute("unitB", unit(b));
            model.addAttribute("rows", rows);
        }
        return COMPARE;
    }

    private Map<String, BigDecimal> figuresOf(String code, UnitDirectory.UnitRef unit, int year) {
        return values.shown(code, unit.id(), year).stream().findFirst().map(UnitFigures::values).orElse(Map.of());
    }

    private IndexDefinition definition(String code) {
        return definitions.latest(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "index " + code));
    }

    private UnitDirectory.UnitRef unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unit " + code));
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    static String dateTime(java.time.Instant at) {
        return Formats.dateTime(at);
    }
}
