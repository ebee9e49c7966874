package org.sipas.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sipas.web.Diacritics;
import org.springframework.stereotype.Component;

/**
 * What a new password must not be. Length alone let {@code aaaaaaaaaa} in; guessers try the
 * common passwords, the user's own name, the system's name and keyboard runs first, so those are
 * refused too. Every comparison is made on the password folded without diacritics and case
 * ({@code Mật Khẩu} meets {@code matkhau}), and a word from a list still counts with digits or
 * symbols before or after it ({@code Password2025!}, {@code matkhau@123}).
 */
@Component
class PasswordRule {

    static final int MIN_LENGTH = 10;
    /** BCrypt reads no further than 72 bytes (and Spring's encoder refuses more), so a longer password would not be what is checked. */
    static final int MAX_BYTES = 72;
    /** What is left of a password once names, digits and symbols are taken out must be at least this long. */
    private static final int MIN_REMAINDER = 4;
    private static final List<String> KEYBOARD_RUNS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
            "qwertzuiop", "azertyuiop", "1qaz2wsx3edc4rfv5tgb", "qazwsxedcrfvtgbyhn");

    private final Set<String> common;
    private final Set<String> system;

    PasswordRule() {
        this.common = new HashSet<>(read("identity/common-passwords.txt"));
        List<String> vietnamese = read("identity/vietnamese-passwords.txt");
        this.common.addAll(vietnamese);
        this.system = Set.of("sipas", "khaosat", "hailong", "chisohailong", "motcua", "quantri", "admin", "administrator");
    }

    /**
     * The first rule {@code password} breaks, as the key of its message (identity messages), or
     * empty when it may be used.
     *
     * @param username    the account's login name
     * @param displayName the account's full name (may be null)
     */
    Optional<String> check(String password, String username, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.tooLong");
        }
        String folded = Diacritics.fold(password);
        String compact = folded.replaceAll("[^a-z0-9]", "");
        if (repeats(folded)) {
            return Optional.of("password.repeated");
        }
        if (sequence(compact)) {
            return Optional.of("password.sequence");
        }
        if (common.contains(folded) || common.contains(compact) || common.contains(core(folded))
                || common.contains(core(compact)) || common.contains(folded.replaceAll("[0-9]+$", ""))) {
            return Optional.of("password.common");
        }
        List<String> names = new ArrayList<>();
        names.add(Diacritics.fold(username == null ? "" : username).replaceAll("[^a-z0-9]", ""));
        if (displayName != null) {
            String name = Diacritics.fold(displayName);
            names.add(name.replaceAll("[^a-z0-9]", ""));
            names.addAll(List.of(name.split("[^a-z0-9]+")));
        }
        if (madeOf(compact, names)) {
            return Optional.of("password.name");
        }
        if (madeOf(compact, List.copyOf(system))) {
            return Optional.of("password.system");
        }
        return Optional.empty();
    }


    /** The password without the digits and symbols before and after its letters: {@code @matkhau123} → {@code matkhau}. */
    private static String core(String folded) {
        return folded.replaceAll("^[^a-z]+", "").replaceAll("[^a-z]+$", "");
    }

    /** One character, or a group of up to three, said again and again: {@code aaaaaaaaaa}, {@code abcabcabcabc}. */
    private static boolean repeats(String folded) {
        for (int unit = 1; unit <= 3; unit++) {
            if (folded.length() >= 2 * unit && folded.length() % unit == 0
                    && folded.substring(0, unit).repeat(folded.length() / unit).equals(folded)) {
                return true;
            }
        }
        return false;
    }

    /** Letters or digits counted up or down ({@code abcdefghij}, {@code 9876543210}) or a walk along the keyboard. */
    private static boolean sequence(String compact) {
        if (compact.length() < 3) {
            return false;
        }
        int step = compact.charAt(1) - compact.charAt(0);
        if (Math.abs(step) == 1) {
            boolean counted = true;
            for (int i = 2; i < compact.length() && counted; i++) {
                counted = compact.charAt(i) - compact.charAt(i - 1) == step;
            }
            if (counted) {
                return true;
            }
        }
        for (String run : KEYBOARD_RUNS) {
            String twice = run + run;
            if (twice.contains(compact) || new StringBuilder(twice).reverse().toString().contains(compact)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the password is nothing but these words (each of two letters or more, forwards or
     * backwards) with digits and symbols: {@code nguyenvana1990} for Nguyễn Văn A.
     */
    private static boolean madeOf(String compact, List<String> words) {
        String rest = compact;
        List<String> longestFirst = words.stream().filter(w -> w.length() >= 2).distinct()
                .sorted((a, b) -> b.length() - a.length()).toList();
        for (String word : longestFirst) {
            rest = rest.replace(word, "").replace(new StringBuilder(word).reverse(), "");
        }
        return rest.replaceAll("[0-9]", "").length() < MIN_REMAINDER && !rest.equals(compact);
    }

    private static List<String> read(String resource) {
        InputStream in = PasswordRule.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing password list " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(Diacritics::fold).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
