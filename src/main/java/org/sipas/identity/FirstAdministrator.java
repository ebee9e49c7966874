package org.sipas.identity;

import java.util.EnumSet;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user at all) creates the administrator, nationwide. Its password comes
 * from SIPAS_ADMIN_PASSWORD; without it a random one-time password is written once to the log and
 * must be changed at first login. There is no default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccounts accounts;
    private final UnitDirectory units;
    private final AdministratorProperties properties;
    private final MessageSource messages;

    FirstAdministrator(StaffAccounts accounts, UnitDirectory units, AdministratorProperties properties,
                       MessageSource messages) {
        this.accounts = accounts;
        this.units = units;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.any()) {
            return;
        }
        String given = properties.password();
        String password;
        try {
            password = accounts.create(properties.username(), "Quản trị hệ thống", units.root().id(),
                    EnumSet.of(Role.ADMIN), given);
        } catch (IllegalArgumentException refused) {
            // a weak SIPAS_ADMIN_PASSWORD stops the first start with the rule's own words, not a message key
            throw new IllegalStateException("SIPAS_ADMIN_PASSWORD: "
                    + messages.getMessage(refused.getMessage(), null, refused.getMessage(), Locale.forLanguageTag("vi")) + " / "
                    + messages.getMessage(refused.getMessage(), null, refused.getMessage(), Locale.ENGLISH), refused);
        }
        if (given == null || given.isBlank()) {
            log.warn("""

                    ==================================================================
                     sipas: tài khoản quản trị đầu tiên / first administrator account
                       user:     {}
                       password: {}
                     Mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu.
                     One-time password: it must be changed at first login.
                    ==================================================================""",
                    properties.username(), password);
        } else {
            log.info("sipas: administrator '{}' created from SIPAS_ADMIN_USER/SIPAS_ADMIN_PASSWORD", properties.username());
        }
    }
}
