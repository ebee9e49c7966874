package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

class CatalogLimitsTest extends CatalogTestSupport {

    @Autowired
    ProcedureImport procedures;
    @Autowired
    OfficialImport officials;
    @Autowired
    ImportErrors importErrors;

    @Test
    void theDatabaseHoldsTheSameLengthsTheImportsCheck() {
        Map<String, Integer> limits = Map.ofEntries(
                Map.entry("unit_code_length", CatalogLimits.CODE),
                Map.entry("unit_name_length", CatalogLimits.NAME),
                Map.entry("unit_full_name_length", CatalogLimits.FULL_NAME),
                Map.entry("unit_name_en_length", CatalogLimits.NAME),
                Map.entry("unit_unit_type_length", CatalogLimits.UNIT_TYPE),
                Map.entry("procedure_code_length", CatalogLimits.CODE),
                Map.entry("procedure_name_length", CatalogLimits.PROCEDURE_NAME),
                Map.entry("procedure_field_length", CatalogLimits.FIELD),
                Map.entry("official_staff_code_length", CatalogLimits.CODE),
                Map.entry("official_full_name_length", CatalogLimits.NAME),
                Map.entry("official_title_length", CatalogLimits.NAME));
        limits.forEach((constraint, limit) -> assertThat(jdbc.sql("""
                        SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = :name AND convalidated""")
                .param("name", constraint).query(String.class).single())
                .as(constraint).endsWith("<= " + limit + "))"));
    }

    @Test
    void aNameOverItsLimitIsALocatedErrorSayingTheLimitInBothLanguages() {
        importTheTestProvinces();
        String csv = "level,code,name,full_name,parent_code\n"
                + "commune," + p + "L1,Phường Một," + "Ủ".repeat(301) + "," + p + "P\n"
                + "commune," + p + "L2," + "X".repeat(201) + ",," + p + "P\n"
                + "commune," + "9".repeat(51) + ",Xã Ba,," + p + "P\n";
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> units.importFile("units.csv", stream(csv), admin()));

        assertThat(rejected.errors()).extracting(e -> e.line() + " " + e.column() + " " + e.args())
                .containsExactly("2 full_name [301, 300]", "3 name [201, 200]", "4 code [51, 50]");
        assertThat(importErrors.show(rejected, Locale.forLanguageTag("vi")).get(1).message())
                .isEqualTo("Giá trị dài 201 ký tự, quá giới hạn 200 ký tự.");
        assertThat(importErrors.show(rejected, Locale.ENGLISH).get(1).message())
                .isEqualTo("The value is 201 characters long, more than the limit of 200.");
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE code LIKE :p").param("p", p + "L%").query(Long.class)
                .single()).isZero();
    }

    @Test
    void procedureAndOfficialTextsAreLimitedToo() {
        importTheTestProvinces();
        ImportRejectedException procedure = catchThrowableOfType(ImportRejectedException.class,
                () -> procedures.importFile("procedures.csv", stream("code,name,field,level\n" + p + ".1,"
                        + "Thủ tục ".repeat(126) + ",Hộ tịch,Xã\n"), admin()));
        assertThat(procedure.errors()).extracting(e -> e.column() + " " + e.code())
                .containsExactly("name import.value.tooLong");

        ImportRejectedException official = catchThrowableOfType(ImportRejectedException.class,
                () -> officials.importFile("officials.csv", stream("staff_code,full_name,title,unit_code\n" + p + "-O,"
                        + "Nguyễn Văn An,"  + "Chuyên viên".repeat(20) + "," + p + "C1\n"), admin()));
        assertThat(official.errors()).extracting(e -> e.column() + " " + e.args())
                .containsExactly("title " + List.of(220, CatalogLimits.NAME));
    }
}
