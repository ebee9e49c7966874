package org.sipas.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data for a newcomer's first start (SIPAS_DEMO). Loaded only into a database whose catalog
 * is empty, so it never mixes with real data.
 *
 * @param enabled  load it (default true; set SIPAS_DEMO=false in production)
 * @param dossiers how many dossiers to generate over the last twelve months
 * @param seed     the same seed gives the same demo
 */
@ConfigurationProperties("sipas.demo")
record DemoProperties(boolean enabled, int dossiers, long seed) {

    DemoProperties {
        if (dossiers <= 0) {
            dossiers = 20_000;
        }
        if (seed == 0) {
            seed = 2025;
        }
    }
}
