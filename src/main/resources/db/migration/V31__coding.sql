-- Coding of open answers (đánh mã): a code frame per methodology version, the codes each coder
-- gave each open answer, and the seed of the blind second coding of a campaign.

-- The codes of a methodology version. methodology_version 0: the frame of every version of that
-- methodology that has none of its own (the shipped frames below).
CREATE TABLE code_frame (
    methodology_code    text    NOT NULL,
    methodology_version int     NOT NULL CHECK (methodology_version >= 0),
    code                text    NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    label_vi            text    NOT NULL,
    label_en            text    NOT NULL,
    position            int     NOT NULL,
    PRIMARY KEY (methodology_code, methodology_version, code)
);

-- The shipped frame for the open suggestions of SIPAS 2017, Đồng Nai 2020 and the one-stop 2018 form.
INSERT INTO code_frame (methodology_code, methodology_version, code, label_vi, label_en, position)
SELECT m, 0, c.code, c.vi, c.en, c.position
FROM unnest(ARRAY['sipas-2017', 'dong-nai-2020', 'mot-cua-2018']) AS m,
     (VALUES ('thai_do', 'Thái độ phục vụ', 'Staff attitude', 1),
             ('thoi_gian', 'Thời gian giải quyết', 'Time taken', 2),
             ('phi', 'Phí, lệ phí', 'Fees', 3),
             ('thong_tin', 'Thông tin, hướng dẫn', 'Information and guidance', 4),
             ('cntt', 'Công nghệ thông tin, dịch vụ công trực tuyến', 'IT and online services', 5),
             ('khac', 'Khác', 'Other', 6)) AS c (code, vi, en, position);

-- Per campaign: the seed and share of the answers a second coder codes blind (written by the first
-- coding of the campaign, so the sample is the same however often it is asked for).
CREATE TABLE coding_sample (
    campaign_id  bigint        PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    seed         bigint        NOT NULL,
    share        numeric(4, 3) NOT NULL DEFAULT 0.200 CHECK (share > 0 AND share <= 1)
);

-- One coder's codes of one open answer. pass 1: the coding of record (what dashboards count);
-- pass 2: the blind second coding of the sample, for agreement. A coder codes an answer once.
CREATE TABLE answer_coding (
    response_id  bigint      NOT NULL REFERENCES response (id),
    question     text        NOT NULL,
    pass         smallint    NOT NULL CHECK (pass IN (1, 2)),
    campaign_id  bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    coder        text        NOT NULL,
    codes        text[]      NOT NULL CHECK (cardinality(codes) >= 1),
    coded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (response_id, question, pass),
    UNIQUE (response_id, question, coder)
);
CREATE INDEX answer_coding_campaign_idx ON answer_coding (campaign_id, pass);
