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
        Problems problems = new Problems(file);
        if (content.length == 0) {
            problems.addAt(0, "", "emptyFile");
            problems.rejectIfAny();
        }
        if (isWorkbook(content)) {
            Methodology methodology = XlsFormReader.read(content, problems);
            if (methodology != null) {
                MethodologyRules.check(methodology, problems);
            }
            problems.rejectIfAny();
            return new Read(methodology, YamlMethodologyWriter.write(methodology), Origin.XLSFORM, problems);
        }
        String source = new String(content, StandardCharsets.UTF_8);
        if (source.startsWith("\uFEFF")) {
            source = source.substring(1); // a byte-order mark some editors on Windows write
        }
        Methodology methodology = YamlMethodologyReader.read(source, problems);
        if (methodology != null) {
            MethodologyRules.check(methodology, problems);
        }
        problems.rejectIfAny();
        return new Read(methodology, source, yamlOrigin, problems);
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
