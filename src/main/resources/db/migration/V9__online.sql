-- Online collection: campaign links and QR slips for sampled dossiers, the open portal survey of a
-- campaign that allows it, and the rate limit on the portal's public forms.

-- An open-portal sitting's token carries the keyed hash (HMAC, never the number) of the phone its
-- respondent gave; the response copies it, and response_one_per_person keeps one answer per phone.
ALTER TABLE survey_token ADD COLUMN respondent_hash text CHECK (respondent_hash IS NULL OR channel = 'PORTAL');
CREATE INDEX survey_token_campaign_idx ON survey_token (campaign_id) WHERE campaign_id IS NOT NULL;

-- Whether a campaign also takes answers from anyone on its open portal page, and when. Ratings
-- from the portal are not from the probability sample: they are stored with channel PORTAL and
-- shown as their own series (DESIGN §5).
CREATE TABLE portal_survey (
    campaign_id bigint      PRIMARY KEY REFERENCES campaign (id),
    enabled     boolean     NOT NULL DEFAULT false,
    -- null: from the start of fieldwork / until the campaign closes
    opens_at    timestamptz,
    closes_at   timestamptz,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
);

-- A token bucket per client address for the portal's POSTs, in the database so that every node
-- behind the load balancer counts the same requests. A row untouched for an hour is full again
-- and is deleted.
CREATE TABLE portal_rate_limit (
    client     text             PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_at timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX portal_rate_limit_updated_idx ON portal_rate_limit (updated_at);
