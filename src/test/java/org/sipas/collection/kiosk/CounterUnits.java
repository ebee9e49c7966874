package org.sipas.collection.kiosk;

import java.util.Map;

import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province with two communes and their dossiers (from {@link FieldworkFixtures}, under a test's
 * own prefix), the first commune with two officials at its one-stop counter, and kiosks issued by
 * the province's administrator.
 */
final class CounterUnits {

    final InField field;
    private final Kiosks kiosks;
    private final CurrentUsers users;

    CounterUnits(FieldworkFixtures fixtures, JdbcClient jdbc, Kiosks kiosks, CurrentUsers users, String prefix) {
        this.field = fixtures.inField(prefix, "mot-cua-2018", 10, Map.of("ONLINE", 1));
        this.kiosks = kiosks;
        this.users = users;
        for (String official : new String[] {prefix + "-CC1", prefix + "-CC2"}) {
            jdbc.sql("INSERT INTO official (staff_code, full_name, title, unit_id) VALUES (:code, :name, 'Công chức một cửa', :unit)")
                    .param("code", official).param("name", "Công chức " + official).param("unit", field.commune1()).update();
        }
    }

    /** A kiosk of the first commune on the one-stop quick rating, issued by the province's administrator. */
    Kiosks.Issued kiosk(String name, boolean askOfficial, boolean askReceipt) {
        return users.runAs(field.admin(), () -> kiosks.issue(new Kiosks.Order(name, field.commune1(), "mot-cua-2018", 1,
                askOfficial, askReceipt, null)));
    }
}
