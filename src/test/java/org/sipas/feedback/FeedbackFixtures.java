package org.sipas.feedback;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A province {@code <prefix>-P} with a head, a commune {@code <prefix>-C1} with its head, two
 * officials of the commune ({@code <prefix>-RX} receiving, {@code <prefix>-PX} processing), one
 * procedure, and dossiers imported through the real import (contacts sealed): applicant
 * "Trần Thị Khiếu Nại i", phone 0987 65i iii. Responses are stored through the real
 * {@link ResponseStore}, so the outbox trigger runs as in production.
 */
@Component
public class FeedbackFixtures {

    static final String PASSWORD = "Phản-ánh-2026-mạnh!";

    record Place(String prefix, long province, long commune, long receivingOfficial, long processingOfficial,
                 String communeHead, String provinceHead, CurrentUser admin) {

        String dossier(int i) {
            return prefix + "-HS" + i;
        }

        String applicant(int i) {
            return "Trần Thị Khiếu Nại " + i;
        }

        String phone(int i) {
            return "0987 65%d %03d".formatted(i % 10, i);
        }
    }

    private final JdbcClient jdbc;
    private final DossierImport dossiers;
    private final CurrentUsers users;
    private final StaffAccounts accounts;
    private final ResponseStore store;

    FeedbackFixtures(JdbcClient jdbc, DossierImport dossiers, CurrentUsers users, StaffAccounts accounts, ResponseStore store) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.users = users;
        this.accounts = accounts;
        this.store = store;
    }

    Place place(String prefix, int dossierCount) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long province = unit(prefix + "-P", "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
        long commune = unit(prefix + "-C1", "Phường Một " + prefix, "COMMUNE", "Phường", province, "/VN/" + prefix + "-P/");
        jdbc.sql("INSERT INTO procedure (code, name, level) VALUES (:c, 'Chứng thực bản sao', 'COMMUNE')").param("c", prefix + "-T1").update();
        long receiving = official(prefix + "-RX", "Lê Văn Tiếp Nhận", commune);
        long processing = official(prefix + "-PX", "Phạm Thị Xử Lý", commune);
        CurrentUser admin = new CurrentUser("admin-" + prefix.toLowerCase(), Set.of(Role.ADMIN), province);
        StringBuilder csv = new StringBuilder("receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
                + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n");
        Place place = new Place(prefix, province, commune, receiving, processing, prefix.toLowerCase() + "-truong-phuong",
                prefix.toLowerCase() + "-truong-tinh", admin);
        for (int i = 0; i < dossierCount; i++) {
            csv.append("%s,%s-T1,%s-C1,Công dân,%s,%s,%02d/03/2025 08:00,,,%s-RX,%s-PX,Trực tiếp,Đã trả kết quả\n"
                    .formatted(place.dossier(i), prefix, prefix, place.applicant(i), place.phone(i), 1 + i % 28, prefix, prefix));
        }
        users.runAs(admin, () -> dossiers.importFile(prefix + ".csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), admin));
        accounts.create(place.communeHead(), "Trưởng phường " + prefix, commune, Set.of(Role.UNIT_MANAGER), PASSWORD);
        accounts.create(place.provinceHead(), "Lãnh đạo tỉnh " + prefix, province, Set.of(Role.UNIT_MANAGER), PASSWORD);
        return place;
    }

    long dossierId(Place place, int i) {
        return jdbc.sql("SELECT id FROM dossier WHERE receipt_code = :r").param("r", place.dossier(i)).query(Long.class).single();
    }

    /** A one-stop quick rating of dossier i, stored as a web response would be. */
    ResponseStore.Stored rate(Place place, int i, String satisfaction, Map<String, String> more, String key) {
        Map<String, String> answers = new java.util.HashMap<>(more);
        answers.put("satisfaction", satisfaction);
        return store.store(Submission.of(ResponseChannel.WEB, "mot-cua-2018", 1, place.commune(), answers, Instant.now())
                .withDossier(dossierId(place, i)).withIdempotencyKey(key));
    }

    private long unit(String code, String name, String kind, String type, long parent, String parentPath) {
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth) RETURNING id""")
                .param("code", code).param("name", name).param("kind", kind).param("type", type)
                .param("parent", parent).param("path", parentPath + code + "/").param("depth", parentPath.split("/").length - 1)
                .query(Long.class).single();
    }

    private long official(String code, String name, long unit) {
        return jdbc.sql("INSERT INTO official (staff_code, full_name, title, unit_id) VALUES (:c, :n, 'Công chức một cửa', :u) RETURNING id")
                .param("c", code).param("n", name).param("u", unit).query(Long.class).single();
    }
}
