package org.sipas.collection.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers a hand-out or a return names, as staff write them: items separated by commas,
 * semicolons or new lines, each a serial ({@code 47}), a range of serials ({@code 1-100}) or a
 * paper number as printed or keyed ({@code 12 00047 3}, check digit checked). Every item is read
 * before anything is written: one wrong item refuses the whole list, naming it.
 */
final class PaperNumbers {

    /** Most numbers one list may name: a stack of a few thousand copies, not a typo of a range. */
    static final int MOST = 5_000;

    /** A list item that is no number of the campaign, and why (a message key of the paper bundle). */
    static final class Invalid extends IllegalArgumentException {
        final String item;

        Invalid(String key, String item) {
            super(key);
            this.item = item;
        }
    }

    private PaperNumbers() {
    }

    /** The serials of the campaign's papers the text names, in the order written, each once. */
    static List<Integer> serials(long campaignId, String text) {
        Set<Integer> serials = new LinkedHashSet<>();
        String[] items = text == null ? new String[0] : text.split("[,;\\n\\r]+");
        for (String raw : items) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            int dash = item.indexOf('-');
            if (dash > 0 && item.substring(0, dash).strip().matches("\\d{1,5}") && item.substring(dash + 1).strip().matches("\\d{1,5}")) {
                int from = Integer.parseInt(item.substring(0, dash).strip());
                int to = Integer.parseInt(item.substring(dash + 1).strip());
                if (from < 1 || to < from || to > PaperNumber.LARGEST_SERIAL) {
                    throw new Invalid("paper.handout.numbers.range", item);
                }
                if (to - from + 1 > MOST) {
                    throw new Invalid("paper.handout.numbers.tooMany", item);
                }
                for (int s = from; s <= to; s++) {
                    serials.add(s);
                }
            } else if (item.matches("\\d{1,5}")) {
                int serial = Integer.parseInt(item);
                if (serial < 1) {
                    throw new Invalid("paper.handout.numbers.range", item);
                }
                serials.add(serial);
            } else {
                PaperNumber number;
                try {
                    number = PaperNumber.parse(item);
                } catch (PaperNumber.Invalid e) {
                    throw new Invalid(e.getMessage(), item);
                }
                if (number.campaignId() != campaignId) {
                    throw new Invalid("paper.handout.numbers.otherCampaign", item);
                }
                serials.add(number.serial());
            }
            if (serials.size() > MOST) {
                throw new Invalid("paper.handout.numbers.tooMany", item);
            }
        }
        if (serials.isEmpty()) {
            throw new Invalid("paper.handout.numbers.required", "");
        }
        return new ArrayList<>(serials);
    }
}
