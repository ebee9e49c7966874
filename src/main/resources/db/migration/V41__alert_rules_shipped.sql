-- The alert rules of the shipped methodologies (editable at /feedback/rules). Words of the watch
-- list are matched with and without diacritics ("nhũng nhiễu" finds "nhung nhieu").
INSERT INTO alert_rule (methodology_code, methodology_version, code, kind, questions, codes, level, words, channels, severity, label) VALUES
    ('mot-cua-2018', 1, 'counter-not-satisfied', 'NOT_SATISFIED', '{satisfaction}', '{}', NULL, '{}', '{KIOSK}', 'MEDIUM',
     'Đánh giá «Không hài lòng» tại quầy'),
    ('mot-cua-2018', 1, 'not-satisfied', 'NOT_SATISFIED', '{satisfaction}', '{}', NULL, '{}', '{WEB,PORTAL,CATI,CAPI,PAPER}', 'MEDIUM',
     'Không hài lòng với việc giải quyết hồ sơ'),
    ('mot-cua-2018', 1, 'fees', 'ANSWER_IN', '{reasons}', '{phi}', NULL, '{}', '{}', 'HIGH',
     'Phí, lệ phí hoặc chi phí ngoài quy định'),
    ('mot-cua-2018', 1, 'watch-list', 'WATCH_LIST', '{reason_text}', '{}', NULL,
     '{nhũng nhiễu,phiền hà,bồi dưỡng,tiền ngoài,hối lộ,gây khó dễ,vòi vĩnh}', '{}', 'HIGH', 'Nội dung góp ý có từ cần chú ý'),
    ('dong-nai-2020', 1, 'officials-not-satisfied', 'NOT_SATISFIED', '{dn01,dn02,dn03}', '{}', NULL, '{}', '{}', 'MEDIUM',
     'Không hài lòng về công chức tiếp nhận, xử lý hồ sơ'),
    ('dong-nai-2020', 1, 'informal-cost', 'ANSWER_IN', '{informal_cost}', '{co}', NULL, '{}', '{}', 'HIGH',
     'Phải trả chi phí không chính thức'),
    ('dong-nai-2020', 1, 'watch-list', 'WATCH_LIST', '{suggestion,difficulties_other}', '{}', NULL,
     '{nhũng nhiễu,phiền hà,bồi dưỡng,tiền ngoài,hối lộ,gây khó dễ,vòi vĩnh}', '{}', 'HIGH', 'Nội dung góp ý có từ cần chú ý'),
    ('sipas-2017', 1, 'officials-not-satisfied', 'NOT_SATISFIED', '{c10,c11,c12,c13,c14,c15}', '{}', NULL, '{}', '{}', 'MEDIUM',
     'Không hài lòng về công chức trực tiếp giải quyết công việc'),
    ('sipas-2017', 1, 'fees', 'RATING_AT_MOST', '{c08}', '{}', 2, '{}', '{}', 'HIGH',
     'Phí, lệ phí không đúng quy định'),
    ('sipas-2017', 1, 'watch-list', 'WATCH_LIST', '{suggestion}', '{}', NULL,
     '{nhũng nhiễu,phiền hà,bồi dưỡng,tiền ngoài,hối lộ,gây khó dễ,vòi vĩnh}', '{}', 'HIGH', 'Nội dung góp ý có từ cần chú ý');
