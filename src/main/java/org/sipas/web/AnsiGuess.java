package org.sipas.web;

/**
 * What a CSV that is no UTF-8 looks like, for the message that tells its sender how to save it.
 * Only a guess: every byte is a letter in both code pages. Windows-1258 writes Vietnamese tone
 * marks as combining characters after the vowel (bytes CC, EC, D2, DE, F2), Windows-1252 has no
 * such marks, so tone marks after letters say Windows-1258.
 */
final class AnsiGuess {

    private AnsiGuess() {
    }

    /** The message suffix: {@code windows1258}, {@code windows1252} or {@code unknown}. */
    static String of(byte[] head) {
        int high = 0;
        int toneMarks = 0;
        boolean undefinedIn1252 = false;
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x80) {
                continue;
            }
            high++;
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                undefinedIn1252 = true;
            }
            if (isToneMark(b) && i > 0 && isLetter(head[i - 1] & 0xff)) {
                toneMarks++;
            }
        }
        if (toneMarks > 0 && toneMarks * 4 >= high) {
            return "windows1258";
        }
        return undefinedIn1252 ? "unknown" : "windows1252";
    }

    /**
     * Whether the head of a file is no text at all: more than one byte in a hundred a control
     * character that no CSV holds (a text has tabs, line ends and, rarely, a form feed or an old
     * end-of-file mark).
     */
    static boolean isBinary(byte[] head) {
        int control = 0;
        for (byte value : head) {
            int b = value & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A || b == 0x7F) {
                control++;
            }
        }
        return control > 0 && control * 100 > head.length;
    }

    private static boolean isToneMark(int b) {
        return b == 0xCC || b == 0xEC || b == 0xD2 || b == 0xDE || b == 0xF2;
    }

    /** An ASCII letter, or a Windows-1258 vowel a tone mark may follow (â ê ô ă ơ ư and capitals). */
    private static boolean isLetter(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
                || b == 0xE2 || b == 0xEA || b == 0xF4 || b == 0xE3 || b == 0xF5 || b == 0xFD
                || b == 0xC2 || b == 0xCA || b == 0xD4 || b == 0xC3 || b == 0xD5 || b == 0xDD;
    }
}
