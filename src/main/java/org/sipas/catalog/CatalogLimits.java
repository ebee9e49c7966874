package org.sipas.catalog;

/**
 * The longest value, in characters, of each text the catalog stores, checked by every import with
 * a message and held by the database too (CHECK constraints {@code *_length} of V17, which a test
 * compares with these numbers). Codes go into URLs, tree paths and unique indexes (a btree entry
 * holds at most about 2,700 bytes); names are what pages, work lists and slips print. The longest
 * real values: unit codes of 2 to 5 digits, national procedure codes of about 25 characters
 * ("1.004227.000.00.00.H12"), procedure names of about 400.
 */
final class CatalogLimits {

    /** Unit codes, procedure codes, staff codes. */
    static final int CODE = 50;
    /** A unit's or an official's name, an official's title, a unit's English name. */
    static final int NAME = 200;
    /** A unit's full official name ("Ủy ban nhân dân phường …, thành phố …"). */
    static final int FULL_NAME = 300;
    /** The wording of a unit's type ("Đặc khu", "Sở", "Chi cục Thuế khu vực"). */
    static final int UNIT_TYPE = 100;
    /** A procedure's name. */
    static final int PROCEDURE_NAME = 1_000;
    /** A procedure's field ("Hộ tịch", "Đất đai"). */
    static final int FIELD = 300;
    /** The list of unit codes that provide a procedure. */
    static final int UNIT_CODES = 20_000;

    private CatalogLimits() {
    }
}
