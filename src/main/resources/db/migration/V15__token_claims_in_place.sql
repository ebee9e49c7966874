-- A token is written once when issued and updated once when its response claims it. With full
-- pages (tokens are issued in bulk when a campaign goes to the field) that claim writes a new row
-- version on another page and a new entry in every index of the table; room left in each page
-- lets PostgreSQL keep the new version beside the old one and leave the indexes alone (a HOT
-- update: used_at is in no index). Applies to pages written from now on.
ALTER TABLE survey_token SET (fillfactor = 70);
