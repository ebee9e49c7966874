package org.sipas.indexdb;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Stores the shipped index definitions once the application's beans are made, before the demo and the first request. */
@Component
class ShippedIndices implements SmartInitializingSingleton {

    private final IndexDefinitions definitions;

    ShippedIndices(IndexDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        definitions.storeShipped();
    }
}
