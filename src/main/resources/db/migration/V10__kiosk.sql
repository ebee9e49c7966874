-- Kiosks (máy đánh giá tại bộ phận một cửa): a tablet at a one-stop counter, bound to one unit by
-- a key an administrator issues. The key is in the tablet's address (/k/{key}); it is shown once
-- and only its SHA-256 is kept. Each rating the kiosk sends is a response with channel KIOSK and
-- this kiosk's id, never part of the probability sample.
CREATE TABLE kiosk (
    id                  bigserial   PRIMARY KEY,
    unit_id             bigint      NOT NULL REFERENCES unit (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    methodology_code    text        NOT NULL,
    methodology_version int         NOT NULL,
    key_hash            bytea       NOT NULL UNIQUE,
    -- ask who served (the unit's officials by name, "don't remember" allowed)
    ask_official        boolean     NOT NULL DEFAULT false,
    -- ask the receipt code, which links the rating to the dossier when it matches one of the unit
    ask_receipt         boolean     NOT NULL DEFAULT false,
    campaign_id         bigint      REFERENCES campaign (id),
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    revoked_at          timestamptz,
    -- the last rating or page load seen from the tablet: staff see a kiosk that went quiet
    last_seen_at        timestamptz,
    FOREIGN KEY (methodology_code, methodology_version) REFERENCES methodology_version (code, version)
);
CREATE INDEX kiosk_unit_idx ON kiosk (unit_id);

ALTER TABLE response ADD CONSTRAINT response_kiosk_fk FOREIGN KEY (kiosk_id) REFERENCES kiosk (id);
-- the kiosk's tally of the day, and a kiosk's ratings over time
CREATE INDEX response_kiosk_idx ON response (kiosk_id, finished_at) WHERE kiosk_id IS NOT NULL;
