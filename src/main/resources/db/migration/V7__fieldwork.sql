-- Fieldwork (thực địa): which interviewer holds which sampled case. A supervisor assigns and
-- reassigns; a replacement hands the case's interviewer over to the reserve that takes its place.
ALTER TABLE sample_member
    ADD COLUMN assigned_to text,
    ADD COLUMN assigned_at timestamptz;
CREATE INDEX sample_member_assigned_idx ON sample_member (assigned_to, campaign_id) WHERE assigned_to IS NOT NULL;
