-- Identity: staff users with roles and a unit scope, API keys for integrations, and the audit log.

CREATE TABLE app_user (
    id                    bigserial PRIMARY KEY,
    username              text        NOT NULL UNIQUE,
    password_hash         text        NOT NULL,
    display_name          text        NOT NULL,
    -- the user sees the subtree of this unit and nothing outside it
    unit_id               bigint      NOT NULL REFERENCES unit (id),
    must_change_password  boolean     NOT NULL DEFAULT false,
    enabled               boolean     NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    last_login_at         timestamptz
);

CREATE TABLE app_user_role (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    text   NOT NULL CHECK (role IN ('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'ANALYST',
                                            'INTERVIEWER', 'DATA_ENTRY', 'RECHECKER', 'INTEGRATION')),
    PRIMARY KEY (user_id, role)
);

-- An integration's key is shown once; only its SHA-256 is kept (the key itself is 256 random bits).
CREATE TABLE api_key (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    secret_hash  bytea       NOT NULL,
    unit_id      bigint      NOT NULL REFERENCES unit (id),
    roles        text[]      NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    action       text        NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    text,
    before       jsonb,
    after        jsonb,
    detail       text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
