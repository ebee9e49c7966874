-- The longest text of each catalog and frame column, the same limits the imports check with a
-- message (catalog.CatalogLimits, frame.DossierRules): a value past them is refused by the
-- database too, whatever writes it, before a unique index is asked to hold a 5 MB code.
-- Added NOT VALID then validated, so a large table is checked without blocking its writers.
ALTER TABLE unit
    ADD CONSTRAINT unit_code_length CHECK (char_length(code) <= 50) NOT VALID,
    ADD CONSTRAINT unit_name_length CHECK (char_length(name) <= 200) NOT VALID,
    ADD CONSTRAINT unit_full_name_length CHECK (char_length(full_name) <= 300) NOT VALID,
    ADD CONSTRAINT unit_name_en_length CHECK (char_length(name_en) <= 200) NOT VALID,
    ADD CONSTRAINT unit_unit_type_length CHECK (char_length(unit_type) <= 100) NOT VALID;
ALTER TABLE unit VALIDATE CONSTRAINT unit_code_length;
ALTER TABLE unit VALIDATE CONSTRAINT unit_name_length;
ALTER TABLE unit VALIDATE CONSTRAINT unit_full_name_length;
ALTER TABLE unit VALIDATE CONSTRAINT unit_name_en_length;
ALTER TABLE unit VALIDATE CONSTRAINT unit_unit_type_length;

ALTER TABLE procedure
    ADD CONSTRAINT procedure_code_length CHECK (char_length(code) <= 50) NOT VALID,
    ADD CONSTRAINT procedure_name_length CHECK (char_length(name) <= 1000) NOT VALID,
    ADD CONSTRAINT procedure_field_length CHECK (char_length(field) <= 300) NOT VALID;
ALTER TABLE procedure VALIDATE CONSTRAINT procedure_code_length;
ALTER TABLE procedure VALIDATE CONSTRAINT procedure_name_length;
ALTER TABLE procedure VALIDATE CONSTRAINT procedure_field_length;

ALTER TABLE official
    ADD CONSTRAINT official_staff_code_length CHECK (char_length(staff_code) <= 50) NOT VALID,
    ADD CONSTRAINT official_full_name_length CHECK (char_length(full_name) <= 200) NOT VALID,
    ADD CONSTRAINT official_title_length CHECK (char_length(title) <= 200) NOT VALID;
ALTER TABLE official VALIDATE CONSTRAINT official_staff_code_length;
ALTER TABLE official VALIDATE CONSTRAINT official_full_name_length;
ALTER TABLE official VALIDATE CONSTRAINT official_title_length;

-- the applicant's name and phone are stored encrypted (dossier_contact): their limits are the import's
ALTER TABLE dossier ADD CONSTRAINT dossier_receipt_code_length CHECK (char_length(receipt_code) <= 100) NOT VALID;
ALTER TABLE dossier VALIDATE CONSTRAINT dossier_receipt_code_length;
