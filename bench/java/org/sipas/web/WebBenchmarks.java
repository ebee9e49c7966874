package org.sipas.web;

import org.springframework.context.ApplicationContext;

/**
 * What ResponseBenchmark switches in the web layer, kept beside the benchmark (in the layer's
 * package) so that {@link PathFirstMappings} need not be public for a benchmark.
 */
public final class WebBenchmarks {

    private final PathFirstMappings mappings;

    public WebBenchmarks(ApplicationContext app) {
        this.mappings = app.getBean("requestMappingHandlerMapping", PathFirstMappings.class);
    }

    /** The path-first handler lookup on, or off (every mapping asked, as Spring MVC does), from the next request on. */
    public void pathFirstLookup(boolean on) {
        mappings.passOver(on);
    }
}
