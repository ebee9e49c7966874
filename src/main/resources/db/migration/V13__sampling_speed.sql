-- Drawing a sample of 17,400 from a national frame of ten million dossiers: what per-row work the
-- store of sample and reserve can do without.
--
-- sample_member.dossier_id no longer has a foreign key. A draw takes its dossiers from the frame in
-- the same transaction, so every id exists; the key's check nevertheless cost, per drawn dossier, a
-- lookup and a row lock (FOR KEY SHARE) on a page of a table of ten million rows that is seldom in
-- memory: more than the rest of the store together (EXPLAIN ANALYZE of the store: 1.1-4.2 s of the
-- key's trigger against 0.5 s for the stratum's key on a loaded 2-core machine).
-- What the key also did, refusing to delete a sampled dossier, the trigger below keeps doing. The
-- application never deletes a dossier (history is kept, DESIGN.md §1), so it costs nothing.
ALTER TABLE sample_member DROP CONSTRAINT sample_member_dossier_id_fkey;

CREATE FUNCTION dossier_keep_sampled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM deleted d JOIN sample_member m ON m.dossier_id = d.id) THEN
        RAISE EXCEPTION 'a sampled dossier cannot be deleted' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER dossier_keep_sampled AFTER DELETE ON dossier
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION dossier_keep_sampled();
