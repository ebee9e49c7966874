-- Sample approval (kiểm tra, thông qua kết quả chọn mẫu): a drawn sample goes to the level above
-- before fieldwork starts. New campaigns require it; campaigns already past their draft when this
-- arrived do not, so that nothing sampled or in the field is stopped by a step it never had.
ALTER TABLE campaign ADD COLUMN sample_approval_required boolean NOT NULL DEFAULT true;
UPDATE campaign SET sample_approval_required = false WHERE status <> 'DRAFT';
-- who drew the last sample: the four-eyes rule keeps them from approving it
ALTER TABLE campaign ADD COLUMN sample_drawn_by text;

-- Every decision on a drawn sample, kept (a returned sample redrawn and approved shows both).
-- seed: the draw the decision is about; an approval counts only while the campaign's seed is that one.
CREATE TABLE sample_review (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    seed         bigint      NOT NULL,
    decision     text        NOT NULL CHECK (decision IN ('APPROVED', 'RETURNED')),
    comments     text,
    decided_by   text        NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    -- returning asks for a reason; approving may say nothing
    CHECK (decision = 'APPROVED' OR coalesce(btrim(comments), '') <> '')
);
CREATE INDEX sample_review_campaign_idx ON sample_review (campaign_id, decided_at);
