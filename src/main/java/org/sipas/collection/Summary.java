package org.sipas.collection;

import java.util.List;

/** The answers as the last page lists them before the submit, step by step, each step with its edit link. */
record Summary(List<Part> parts) {

    record Part(int step, String title, List<Line> lines) {
    }

    record Line(String question, String answer) {
    }
}
