package org.sipas.frame;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.OfficialRef;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.UnitScope;
import org.sipas.web.Formats;

/**
 * What makes an incoming dossier acceptable: known unit (inside the caller's scope), procedure and
 * officials, readable times in order, a Vietnamese phone, an address of a label's length, known
 * coded values. Every problem of a
 * dossier is reported, not only its first. Holds the catalog's codes for one import.
 */
final class DossierRules {

    /** The longest receipt code; the database holds the same limit (dossier_receipt_code_length, V17). */
    static final int MAX_CODE = 100;
    /** The longest applicant name: what a slip, a work list and a call screen print. */
    static final int MAX_NAME = 200;
    /** The longest phone as typed ("+84 (0)912 345 678 máy lẻ 12" is 27): longer is no phone. */
    static final int MAX_PHONE = 30;
    /**
     * The longest postal address: house, lane, street, hamlet, commune and province ("Số 123, ngõ
     * 45, đường Nguyễn Văn Cừ, tổ dân phố 7, phường Thành Sen, tỉnh Hà Tĩnh" is 82) fill the four
     * lines an address label has for it; longer is a paste of something else.
     */
    static final int MAX_ADDRESS = 200;

    private final UnitRef scope;
    private final Map<String, UnitRef> units;
    /** The ids of the units the importer's scope covers. */
    private final Set<Long> inScope;
    private final Map<String, Long> procedures;
    private final Map<String, OfficialRef> officials;

    private DossierRules(UnitRef scope, Map<String, UnitRef> units, Set<Long> inScope, Map<String, Long> procedures,
                         Map<String, OfficialRef> officials) {
        this.scope = scope;
        this.units = units;
        this.inScope = inScope;
        this.procedures = procedures;
        this.officials = officials;
    }

    /** The rules for the dossiers {@code importer} may bring: units within their scope, asked once for the file. */
    static DossierRules within(CurrentUser importer, CatalogCodes catalog, UnitScope unitScope) {
        Map<String, UnitRef> units = catalog.unitsByCode();
        return new DossierRules(catalog.unit(importer.scopeUnitId()), units,
                unitScope.covered(importer, units.values().stream().map(UnitRef::id).toList()),
                catalog.procedureIdsByCode(), catalog.officialsByStaffCode());
    }

    /** The dossier resolved, or null after adding its errors to {@code errors}. */
    ValidDossier check(IncomingDossier in, DossierErrors errors) {
        Checked checked = new Checked(in, errors);

        String receiptCode = checked.required(DossierField.RECEIPT_CODE);
        checked.limit(DossierField.RECEIPT_CODE, receiptCode, MAX_CODE);
        UnitRef unit = unit(checked);
        Long procedure = checked.known(DossierField.PROCEDURE_CODE, procedures::get, "frame.procedure.unknown");
        ApplicantKind kind = checked.word(DossierField.APPLICANT_KIND, ApplicantKind.WORDS, "frame.applicantKind.unknown");
        Channel channel = checked.word(DossierField.CHANNEL, Channel.WORDS, "frame.channel.unknown");
        DossierStatus status = checked.word(DossierField.STATUS, DossierStatus.WORDS, "frame.status.unknown");

        Long received = checked.time(DossierField.RECEIVED_AT, true);
        Long appointment = checked.time(DossierField.APPOINTMENT_AT, false);
        Long returned = checked.time(DossierField.RETURNED_AT, false);
        checked.notBefore(DossierField.APPOINTMENT_AT, appointment, received);
        checked.notBefore(DossierField.RETURNED_AT, returned, received);

        // an official is taken as named, whatever unit holds them today: officials move, the dossier keeps who served
        OfficialRef receiving = checked.optional(DossierField.RECEIVING_OFFICIAL, officials::get, "frame.official.unknown");
        OfficialRef processing = checked.optional(DossierField.PROCESSING_OFFICIAL, officials::get, "frame.official.unknown");

        String name = in.get(DossierField.APPLICANT_NAME);
        checked.limit(DossierField.APPLICANT_NAME, name, MAX_NAME);
        String phone = checked.phone(DossierField.APPLICANT_PHONE);
        // the address itself is personal data: an over-long one is reported by its length, not its text
        String address = in.get(DossierField.APPLICANT_ADDRESS);
        checked.limit(DossierField.APPLICANT_ADDRESS, address, MAX_ADDRESS);

        if (checked.failed) {
            return null;
        }
        return new ValidDossier(in.line(), unit.id(), receiptCode, procedure, kind, received, appointment, returned,
                receiving == null ? null : receiving.id(), processing == null ? null : processing.id(),
                channel, status, name, phone, address == null ? null : address.replaceAll("\\s+", " "));
    }

    private UnitRef unit(Checked checked) {
        UnitRef unit = checked.known(DossierField.UNIT_CODE, units::get, "frame.unit.unknown");
        if (unit != null && !inScope.contains(unit.id())) {
            checked.fail(DossierField.UNIT_CODE, "frame.unit.outsideScope", unit.code(), scope.name());
            return null;
        }
        return unit;
    }

    /** The checks of one dossier, remembering whether any failed. */
    private static final class Checked {
        private final IncomingDossier in;
        private final DossierErrors errors;
        boolean failed;

        Checked(IncomingDossier in, DossierErrors errors) {
            this.in = in;
            this.errors = errors;
        }

        void fail(DossierField field, String code, Object... args) {
            failed = true;
            errors.add(in.line(), field, code, args);
        }

        void limit(DossierField field, String value, int limit) {
            if (value != null && value.length() > limit) {
                fail(field, "import.value.tooLong", value.length(), limit);
            }
        }

        String required(DossierField field) {
            String value = in.get(field);
            if (value == null) {
                fail(field, "import.value.required");
            }
            return value;
        }

        /** A required code looked up in the catalog or a vocabulary. */
        <T> T known(DossierField field, Function<String, T> lookup, String unknownCode) {
            return lookUp(field, required(field), lookup, unknownCode);
        }

        /** An optional code: none is fine, an unknown one is not. */
        <T> T optional(DossierField field, Function<String, T> lookup, String unknownCode) {
            return lookUp(field, in.get(field), lookup, unknownCode);
        }

        private <T> T lookUp(DossierField field, String code, Function<String, T> lookup, String unknownCode) {
            if (code == null) {
                return null;
            }
            T found = lookup.apply(code);
            if (found == null) {
                fail(field, unknownCode, code);
            }
            return found;
        }

        <E extends Enum<E>> E word(DossierField field, Vocabulary<E> vocabulary, String unknownCode) {
            return known(field, vocabulary::parse, unknownCode);
        }

        Long time(DossierField field, boolean required) {
            String text = required ? required(field) : in.get(field);
            if (text == null) {
                return null;
            }
            Long at = DossierTimes.epochSecond(text);
            if (at == null) {
                fail(field, "frame.date.invalid", text);
            }
            return at;
        }

        void notBefore(DossierField field, Long at, Long received) {
            if (at != null && received != null && at < received) {
                fail(field, "frame.date.beforeReceipt", shown(at), shown(received));
            }
        }

        String phone(DossierField field) {
            String raw = in.get(field);
            if (raw == null) {
                return null;
            }
            if (raw.length() > MAX_PHONE) {
                limit(field, raw, MAX_PHONE);
                return null;
            }
            String phone = VietnamesePhone.normalise(raw);
            if (phone == null) {
                // the number itself is personal data: the message says what is wrong, not what was typed
                fail(field, "frame.phone.invalid");
            }
            return phone;
        }

        private static String shown(long epochSecond) {
            return Formats.dateTime(Instant.ofEpochSecond(epochSecond));
        }
    }
}
