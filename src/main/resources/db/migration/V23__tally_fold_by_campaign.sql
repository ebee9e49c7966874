-- The fold that last changed each campaign's tallies, so that a node tells only the dashboards of
-- the campaigns that moved (DashboardEvents) rather than every open dashboard at every fold.
CREATE TABLE tally_campaign_fold (
    campaign_id  bigint PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    fold         bigint NOT NULL
);

-- A dashboard reads the tallies of a subtree's units: found by unit, not by scanning the campaign's every row.
CREATE INDEX tally_unit_idx ON tally (campaign_id, unit_id);
