/**
 * A campaign's AAPOR response rates, live from its cases' dispositions. Exposed to the other
 * modules ({@link org.sipas.collection.rates.ResponseRates}) so that the index dashboards show the
 * same rates, never a second computation of them.
 */
@NamedInterface("rates")
package org.sipas.collection.rates;

import org.springframework.modulith.NamedInterface;
