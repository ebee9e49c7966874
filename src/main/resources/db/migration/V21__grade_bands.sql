-- Emulation grades (xếp loại thi đua): bands of an index a province sets for a campaign, or for
-- every campaign of a methodology. A campaign with bands of its own uses them; one without uses
-- its methodology's; with neither, nothing is graded. No band is built in: the grading is a
-- province's decision, not the survey's.

CREATE TABLE grade_band (
    id                bigserial        PRIMARY KEY,
    -- exactly one owner: a campaign, or a methodology (all its versions)
    campaign_id       bigint           REFERENCES campaign (id) ON DELETE CASCADE,
    methodology_code  text             CHECK (methodology_code ~ '^[a-z0-9][a-z0-9_-]*$'),
    code              text             NOT NULL CHECK (code <> ''),
    label_vi          text             NOT NULL CHECK (label_vi <> ''),
    label_en          text,
    -- a figure at or above this percent, and below the next band up, has the grade
    minimum_pct       double precision NOT NULL CHECK (minimum_pct >= 0 AND minimum_pct <= 100),
    CHECK ((campaign_id IS NULL) <> (methodology_code IS NULL)),
    UNIQUE NULLS NOT DISTINCT (campaign_id, methodology_code, code),
    UNIQUE NULLS NOT DISTINCT (campaign_id, methodology_code, minimum_pct)
);
CREATE INDEX grade_band_campaign_idx ON grade_band (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX grade_band_methodology_idx ON grade_band (methodology_code) WHERE methodology_code IS NOT NULL;
