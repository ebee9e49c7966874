package org.sipas.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.web.multipart.MultipartFile;

/**
 * The three uploaded files of the standalone engine and its options, read into a sample: one
 * step for the API and the page. The rating scale is a parameter (SIPAS's by default), as the
 * tree is a file: neither is fixed in code.
 */
final class AnalysisUpload {

    static final String RESPONSES = "responses";
    static final String FRAME_SIZES = "frame_sizes";
    static final String INDEX_TREE = "index_tree";

    private AnalysisUpload() {
    }

    /** What the caller may say besides the files; null fields take the SIPAS defaults. */
    record Options(String by, String levels, String satisfied, String excluded, String overall) {

        AnswerCodes codes() {
            if (levels == null && satisfied == null && excluded == null) {
                return AnswerCodes.SIPAS;
            }
            return new AnswerCodes(codesOf("levels", levels, AnswerCodes.SIPAS.levels()),
                    codesOf("satisfied", satisfied, AnswerCodes.SIPAS.satisfied()),
                    codesOf("excluded", excluded, AnswerCodes.SIPAS.excluded()));
        }

        String overallCode() {
            return overall == null || overall.isBlank() ? AnalysisSample.OVERALL : overall.strip();
        }

        String byColumn() {
            return by == null || by.isBlank() ? null : by.strip();
        }
    }

    static Set<Integer> codesOf(String name, String text, Set<Integer> otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (String part : text.split("[,; ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                codes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": not a list of integer codes: " + text);
            }
        }
        return codes;
    }

    static AnalysisSample read(MultipartFile responses, MultipartFile frameSizes, MultipartFile indexTree, Options options) {
        AnalysisSample.FileNames names = new AnalysisSample.FileNames(name(responses, RESPONSES),
                name(frameSizes, FRAME_SIZES), name(indexTree, INDEX_TREE));
        try (InputStream r = open(responses, RESPONSES); InputStream f = open(frameSizes, FRAME_SIZES);
             InputStream t = open(indexTree, INDEX_TREE)) {
            return AnalysisSample.read(names, r, f, t, options.codes(), options.byColumn(), options.overallCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(MultipartFile file, String part) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ImportRejectedException(part, List.of(RowError.of(part, 0, null, "import.file.missing")));
        }
        return file.getInputStream();
    }

    /** The uploaded file's own name without any path a browser may send, or the part's name. */
    private static String name(MultipartFile file, String part) {
        String name = file == null ? null : file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return part;
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
