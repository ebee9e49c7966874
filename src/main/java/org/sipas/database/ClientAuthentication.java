package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded server's {@code pg_hba.conf}. zonky runs {@code initdb -A trust}, so data
 * directories made before password authentication let every local connection in as superuser; a
 * new one is made with {@code scram-sha-256}, and an old one is rewritten by {@link #requirePassword}.
 */
final class ClientAuthentication {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Set<String> METHODS = Set.of("trust", "reject", "scram-sha-256", "md5", "password", "gss", "sspi",
            "ident", "peer", "ldap", "radius", "cert", "pam", "bsd");
    static final String METHOD = "scram-sha-256";

    private ClientAuthentication() {
    }

    private static Path file(Path dataDir) {
        return dataDir.resolve("pg_hba.conf");
    }

    /** Whether any rule lets a client in without a password. */
    static boolean trustsAnyone(Path dataDir) {
        return lines(dataDir).stream().anyMatch(line -> trustAt(line) >= 0);
    }

    /** Every {@code trust} rule becomes {@code scram-sha-256}; other rules, comments and options stay as they are. */
    static void requirePassword(Path dataDir) {
        StringBuilder text = new StringBuilder();
        for (String line : lines(dataDir)) {
            int at = trustAt(line);
            text.append(at < 0 ? line : line.substring(0, at) + METHOD + line.substring(at + "trust".length())).append('\n');
        }
        Path file = file(dataDir);
        Path next = file.resolveSibling("pg_hba.conf.sipas-new");
        try {
            Files.writeString(next, text);
            // one rename: a crash leaves the old file or the new one, never half of each
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite " + file, e);
        }
    }

    /**
     * Where a rule's method is {@code trust}, or -1. A rule is {@code local DATABASE USER METHOD} or
     * {@code host* DATABASE USER ADDRESS [MASK] METHOD [OPTIONS]}: the method is the first known
     * method name after the columns before it, so a database or user called "trust" is left alone.
     */
    private static int trustAt(String line) {
        Matcher word = WORD.matcher(line);
        if (!word.find() || !(word.group().equals("local") || word.group().startsWith("host"))) {
            return -1;
        }
        int before = word.group().equals("local") ? 2 : 3;
        for (int i = 0; i < before; i++) {
            if (!word.find()) {
                return -1;
            }
        }
        while (word.find()) {
            if (METHODS.contains(word.group())) {
                return word.group().equals("trust") ? word.start() : -1;
            }
        }
        return -1;
    }

    private static List<String> lines(Path dataDir) {
        try {
            return Files.readAllLines(file(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(dataDir), e);
        }
    }
}
