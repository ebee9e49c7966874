package org.sipas.collection.paper;

import java.util.List;

/** A section of the questionnaire as printed: its title and its questions. */
record PaperSection(String title, List<PaperQuestion> questions) {
}
