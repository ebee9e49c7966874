package org.sipas.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, from SIPAS_ADMIN_USER and SIPAS_ADMIN_PASSWORD. */
@ConfigurationProperties("sipas.admin")
record AdministratorProperties(String username, String password) {

    AdministratorProperties {
        if (username == null || username.isBlank()) {
            username = "admin";
        }
    }
}
