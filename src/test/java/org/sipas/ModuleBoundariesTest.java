package org.sipas;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTest {

    @Test
    void modulesOnlyUseEachOthersPublicFaceAndFormNoCycle() {
        ApplicationModules.of(SipasApplication.class).verify();
    }
}
