-- An open survey set to publish its results may also publish them while it still takes answers:
-- every refresh_hours hours (24: every day) a new snapshot supersedes the last, through the one
-- approval and snapshot path; NULL (the default) publishes only once, when it closes.
ALTER TABLE open_campaign ADD COLUMN refresh_hours integer CHECK (refresh_hours BETWEEN 1 AND 720);
ALTER TABLE open_campaign ADD CONSTRAINT open_campaign_refresh_publishes CHECK (refresh_hours IS NULL OR publish_results);

-- the refresh runs on one node at a time, under feedback's job lock
INSERT INTO feedback_job (name) VALUES ('open-survey-refresh');
