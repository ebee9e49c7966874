package org.sipas.frame;

/**
 * An applicant's contact as staff pages show it: the family name and initials
 * ({@code Nguyễn V… A…}) and the ends of the phone ({@code 09******78}). Whoever must call gets
 * the number through the feature that places the call, never from a list.
 */
record MaskedContact(String name, String phone) {

    static MaskedContact of(String name, String normalisedPhone) {
        return new MaskedContact(maskName(name), VietnamesePhone.mask(normalisedPhone));
    }

    private static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] words = name.strip().split("\\s+");
        if (words.length == 1) {
            return new StringBuilder().appendCodePoint(words[0].codePointAt(0)).append('…').toString();
        }
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            masked.append(' ').appendCodePoint(words[i].codePointAt(0)).append('…');
        }
        return masked.toString();
    }
}
