-- An idempotency key names one submit of one respondent, within the channel that made it. It was
-- unique over every response, so a key sent by one channel could take the key of another (a citizen's
-- client posting "paper-…" or a kiosk's key first), and a key sent again for another token was
-- answered with the other token's response. Now each family of channels has its keys of its own:
--   token links (web, portal, token API): a key names one token's submit; sent for another token it
--     is refused (the store answers 422), so the unique index is over the family, not per token;
--   kiosks: per kiosk (the server puts the kiosk's id in the key as well);
--   interviewers and clerks (CATI, CAPI, paper): per channel; a key is one case's (or one paper's).
-- The store looks a retry up by its own token, kiosk, case or paper, never by the key alone.
ALTER TABLE response DROP CONSTRAINT response_idempotency_key_key;
CREATE UNIQUE INDEX response_token_key_idx ON response (idempotency_key)
    WHERE token IS NOT NULL AND idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX response_kiosk_key_idx ON response (kiosk_id, idempotency_key)
    WHERE kiosk_id IS NOT NULL AND idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX response_staff_key_idx ON response (channel, idempotency_key)
    WHERE token IS NULL AND kiosk_id IS NULL AND idempotency_key IS NOT NULL;

-- From now on a token is closed only with the response that answers it. Before, a submit refused
-- after the claim (a key of another token's submit, above all) closed the token with no response,
-- and the respondent's next submit was told "already answered": those links are opened again. (A
-- link whose case or phone has answered through another channel still says so: the survey pages
-- read the case and the phone, not only the link.)
UPDATE survey_token t SET used_at = NULL
WHERE used_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM response r WHERE r.token = t.token);

-- A recurring campaign has one next campaign: "next period" asked twice (a double click, a retry,
-- two managers) answers the draft made the first time. Campaigns made twice before this rule keep
-- the earliest as the next one; the later ones stay, unlinked (the audit log still says where each
-- came from).
UPDATE campaign c SET template_id = NULL
WHERE template_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM campaign e WHERE e.template_id = c.template_id AND e.id < c.id);
ALTER TABLE campaign ADD CONSTRAINT campaign_one_next UNIQUE (template_id);
