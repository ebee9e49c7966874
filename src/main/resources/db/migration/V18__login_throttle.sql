-- Failed log-ins per account and per client address, shared by every node (DESIGN §1), so that a
-- guesser meets the same count whichever node answers. A row is kept while it can still lock:
-- LoginThrottle deletes rows idle for longer than the window.

CREATE TABLE login_throttle (
    kind            text        NOT NULL CHECK (kind IN ('account', 'address')),
    -- the user name as typed (folded to lower case) or the client's address
    key             text        NOT NULL,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    -- no attempt is even checked before this time, the right password included
    locked_until    timestamptz,
    PRIMARY KEY (kind, key)
);

CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);
