-- Open online surveys (khảo sát trực tuyến): a campaign with no sampling frame, no draw and no
-- allocation, answered by anyone on the portal or by an invited list. Its answers are the PORTAL
-- series (never the probability sample), one per person by the keyed hash of a verified email.
ALTER TABLE campaign ADD COLUMN kind text NOT NULL DEFAULT 'SAMPLED' CHECK (kind IN ('SAMPLED', 'OPEN'));

CREATE TABLE open_campaign (
    campaign_id     bigint  PRIMARY KEY REFERENCES campaign (id),
    -- PUBLIC: anyone with an email; INVITED: only the addresses of the uploaded list
    audience        text    NOT NULL CHECK (audience IN ('PUBLIC', 'INVITED')),
    -- whether its results appear on the public portal by themselves (cells under the minimum n suppressed)
    publish_results boolean NOT NULL DEFAULT false
);

-- The invited list: only the keyed hash of each normalised address (as the frame hashes phones)
-- and a masked form for the managers' page; the addresses themselves are mailed once and not kept.
CREATE TABLE open_campaign_invitee (
    campaign_id bigint      NOT NULL REFERENCES campaign (id),
    email_hash  text        NOT NULL,
    masked      text        NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, email_hash)
);
