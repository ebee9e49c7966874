package org.sipas.methodology;

import java.nio.charset.StandardCharsets;

import org.sipas.methodology.MethodologyRepository.Origin;

/**
 * The one way a methodology file becomes a model: read it (YAML, or an XLSForm workbook told by
 * its content, not its name), check every rule, and reject it with every problem located.
 */
final class MethodologyFiles {

    /**
     * A file read and checked: the model, the YAML text stored for it, and where each field of it
     * was read, for the checks against earlier versions that only the store can make.
     */
    record Read(Methodology methodology, String source, Origin origin, Problems problems) {
    }

    private MethodologyFiles() {
    }

    static Read read(String file, byte[] content, Origin yamlOrigin) {
        return read(file, content, yamlOrigin, java.util.Set.of());
    }

    /** @param channels the response channels an alert rule may name (empty: unchecked) */
    static Read read(String file, byte[] content, Origin yamlOrigin, java.util.Set<String> channels) {
        Problems problems = new Problems(file);
        if (content.length == 0) {
            problems.addAt(0, "", "emptyFile");
            problems.rejectIfAny();
        }
        if (isWorkbook(content)) {
            Methodology methodology = XlsFormReader.read(content, problems);
            if (methodology != null) {
                MethodologyRules.check(methodology, problems, channels);
            }
            problems.rejectIfAny();
            String source = YamlMethodologyWriter.write(methodology);
            checkReadsBack(methodology, source, problems);
            problems.rejectIfAny();
            warnWithoutVietnamese(methodology, problems);
            return new Read(methodology, source, Origin.XLSFORM, problems);
        }
        String source = new String(content, StandardCharsets.UTF_8);
        if (source.startsWith("\uFEFF")) {
            source = source.substring(1); // a byte-order mark some editors on Windows write
        }
        Methodology methodology = YamlMethodologyReader.read(source, problems);
        if (methodology != null) {
            MethodologyRules.check(methodology, problems, channels);
        }
        problems.rejectIfAny();
        warnWithoutVietnamese(methodology, problems);
        return new Read(methodology, source, yamlOrigin, problems);
    }

    /**
     * What the reader accepted is what the store will read: the YAML stored for a workbook is read
     * again now, so a form that would be stored but could not be read back is refused instead.
     */
    private static void checkReadsBack(Methodology methodology, String source, Problems problems) {
        Problems again = new Problems(problems.file());
        Methodology back = YamlMethodologyReader.read(source, again);
        if (again.any() || !methodology.equals(back)) {
            problems.addAt(0, "", "notReadBack", again.errors().isEmpty() ? "" : again.errors().get(0).code());
        }
    }

    /** Allowed, and said: a campaign in Vietnam asks its citizens in Vietnamese. */
    private static void warnWithoutVietnamese(Methodology methodology, Problems problems) {
        if (!methodology.languages().contains("vi")) {
            problems.warn(problems.file(), 0, null, "noVietnamese", String.join(", ", methodology.languages()));
        }
    }

    /** An .xlsx (a zip) or an old .xls (an OLE2 file), told by the first bytes whatever the file's name. */
    static boolean isWorkbook(byte[] content) {
        return content.length >= 4 && (content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                || (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF && content[2] == 0x11
                && (content[3] & 0xff) == 0xE0);
    }

    /**
     * A stored version's model. Stored sources passed every rule when they were uploaded; they are
     * read again without the rules, so a rule added later never makes an old campaign unreadable.
     */
    static Methodology readStored(String code, int version, String source) {
        Problems problems = new Problems(code + " v" + version);
        Methodology methodology = YamlMethodologyReader.read(source, problems);
        if (methodology == null || problems.any()) {
            throw new IllegalStateException("The stored methodology " + code + " version " + version
                    + " cannot be read: " + problems.errors());
        }
        return methodology.withVersion(version);
    }
}
