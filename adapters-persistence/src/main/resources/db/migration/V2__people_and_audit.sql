-- Runs unchanged on H2 2.x and PostgreSQL: unquoted snake_case names, types both accept.
-- Passwords are stored only as the hasher's encoded hash; nothing here ever holds a plain password.

-- The people who log in. Usernames are stored lower-case, so the unique constraint is also case-blind.
CREATE TABLE app_user (
    id                   UUID                     NOT NULL,
    username             VARCHAR(64)              NOT NULL,
    display_name         VARCHAR(100)             NOT NULL,
    role                 VARCHAR(16)              NOT NULL,
    extension_id         VARCHAR(200),
    extension_number     VARCHAR(16),
    enabled              BOOLEAN                  NOT NULL,
    password_hash        VARCHAR(500)             NOT NULL,
    failed_logins        INTEGER                  NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    must_change_password BOOLEAN                  NOT NULL,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_username_lower_case CHECK (username = LOWER(username)),
    CONSTRAINT app_user_role CHECK (role IN ('ADMIN', 'OPERATOR')),
    CONSTRAINT app_user_failed_logins CHECK (failed_logins >= 0),
    CONSTRAINT app_user_version CHECK (version >= 1)
);

-- The audit trail: rows are only inserted, and deleted when older than the retention.
-- The actor is copied (not referenced) so an entry keeps saying who it was after the user changes.
CREATE TABLE audit_entry (
    id                 UUID                     NOT NULL,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    kind               VARCHAR(64)              NOT NULL,
    actor_user_id      UUID,
    actor_username     VARCHAR(200)             NOT NULL,
    actor_display_name VARCHAR(200)             NOT NULL,
    address            VARCHAR(64),
    subject            VARCHAR(200),
    detail             VARCHAR(1000),
    outcome            VARCHAR(16)              NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (id)
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_actor_username_at ON audit_entry (actor_username, at);
CREATE INDEX audit_entry_kind_at ON audit_entry (kind, at);

-- Who saved an intake; null for intakes saved before people had accounts.
ALTER TABLE intake ADD COLUMN operator_id UUID;
CREATE INDEX intake_operator_id_saved_at ON intake (operator_id, saved_at);
