package org.sipas.collection;

import org.springframework.context.ApplicationContext;

/**
 * What ResponseBenchmark switches in the collection feature, kept beside the benchmark (in the
 * feature's package) so that the feature need not make the switch public for a benchmark.
 */
public final class CollectionBenchmarks {

    private final SurveyTokens tokens;

    public CollectionBenchmarks(ApplicationContext app) {
        this.tokens = app.getBean(SurveyTokens.class);
    }

    /** The token API's token reads gathered into one query, or each read alone, from the next submit on. */
    public void gatherTokenReads(boolean on) {
        tokens.gatherReads(on);
    }
}
