-- The alert outbox takes only the responses that a rule of their version could set off, not every
-- response of a version with rules: with 5% of responses alerting, the other 95% were written to the
-- outbox, read back, parsed and judged for nothing. The test below is a superset of the judge in the
-- JVM (feedback.RuleCheck), which still decides: an answer passes unless it plainly cannot match
-- (blank; a plain level that is not one of the rule's alarm levels; a level above RATING_AT_MOST's;
-- no code of ANSWER_IN inside it). Anything it cannot read plainly passes.

-- NOT_SATISFIED: the levels of its questions' scales that set it off (on the scale, neither
-- satisfied nor excluded), written with the rule from its methodology version; NULL: not known yet,
-- every answer passes.
ALTER TABLE alert_rule ADD COLUMN alarm_levels int[];

CREATE FUNCTION alert_answer_may_match(kind text, codes text[], level int, alarm_levels int[], answer text)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT answer IS NOT NULL AND answer !~ '^\s*$' AND CASE kind
        WHEN 'NOT_SATISFIED' THEN alarm_levels IS NULL OR answer !~ '^[0-9]{1,9}$' OR answer::int = ANY (alarm_levels)
        WHEN 'RATING_AT_MOST' THEN answer !~ '^[0-9]{1,9}$' OR answer::int <= level
        WHEN 'ANSWER_IN' THEN EXISTS (SELECT 1 FROM unnest(codes) c WHERE strpos(answer, c) > 0)
        ELSE true
    END
$$;

CREATE OR REPLACE FUNCTION alert_outbox_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO alert_outbox (response_id)
    SELECT i.id FROM inserted i
    WHERE EXISTS (SELECT 1 FROM alert_rule r CROSS JOIN LATERAL unnest(r.questions) q(name)
                  WHERE r.enabled AND r.methodology_code = i.methodology_code AND r.methodology_version = i.methodology_version
                    AND (cardinality(r.channels) = 0 OR i.channel = ANY (r.channels))
                    AND alert_answer_may_match(r.kind, r.codes, r.level, r.alarm_levels, i.answers ->> q.name));
    RETURN NULL;
END $$;
