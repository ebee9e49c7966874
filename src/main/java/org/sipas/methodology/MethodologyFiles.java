package org.sipas.methodology;

import java.nio.charset.StandardCharsets;

import org.sipas.methodology.MethodologyRepository.Origin;

/**
 * The one way a methodology file becomes a model: read it (YAML, or an XLSForm workbook told by
 * its content, not its name), check every rule, and reject it with every problem located.
 */
final class MethodologyFiles {

    /** A file read and checked: the model, and the YAML text stored for it. */
    record Read(Methodology methodology, String source, Origin origin) {
    }

    private MethodologyFiles() {
    }

    static Read read(String file, byte[] content, Origin yamlOrigin) {
        Problems problems = new Problems(file);
        String source = new String(content, StandardCharsets.UTF_8);
        if (source.startsWith("\uFEFF")) {
            source = source.substring(1); // a byte-order mark some editors on Windows write
        }
        Methodology methodology = YamlMethodologyReader.read(source, problems);
        if (methodology != null) {
            MethodologyRules.check(methodology, problems);
        }
        problems.rejectIfAny();
        return new Read(methodology, source, yamlOrigin);
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
