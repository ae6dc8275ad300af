-- Runs unchanged on H2 2.x and PostgreSQL: unquoted snake_case names, types both accept.
-- Several Ringside instances on one PostgreSQL (issue 12). On H2 (one instance only) these tables stay unused
-- unless the JDBC implementations are wired there.

-- Each instance's latest word, written every few seconds. The id is the instance's own (random per start).
CREATE TABLE ringside_instance (
    id          VARCHAR(64)              NOT NULL,
    host        VARCHAR(255),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_since TIMESTAMP WITH TIME ZONE,
    watchers    INTEGER                  NOT NULL,
    CONSTRAINT ringside_instance_pk PRIMARY KEY (id),
    CONSTRAINT ringside_instance_watchers CHECK (watchers >= 0)
);
CREATE INDEX ringside_instance_last_seen ON ringside_instance (last_seen);

-- The calls of the owner's feed, one row per phone call (its session key). The caller is either a usable
-- number (caller_number, E.164) or the reason it is unusable (caller_unusable), never both.
-- ringing_at lists the desks the call rings at: "id|number|name" per desk, joined by ';', each part
-- URL-encoded (so a name with '|' or ';' survives); null when it rings nowhere known.
CREATE TABLE shared_call (
    session_key          VARCHAR(200)             NOT NULL,
    id                   VARCHAR(200)             NOT NULL,
    telephony_session_id VARCHAR(200),
    direction            VARCHAR(16)              NOT NULL,
    caller_number        VARCHAR(16),
    caller_unusable      VARCHAR(32),
    caller_name          VARCHAR(1000),
    dialled_number       VARCHAR(200),
    start_time           TIMESTAMP WITH TIME ZONE NOT NULL,
    state                VARCHAR(16)              NOT NULL,
    answered_by_id       VARCHAR(200),
    answered_by_number   VARCHAR(200),
    answered_by_name     VARCHAR(1000),
    ringing_at           VARCHAR(100000),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT shared_call_pk PRIMARY KEY (session_key),
    CONSTRAINT shared_call_one_caller CHECK ((caller_number IS NULL) <> (caller_unusable IS NULL))
);

-- How current the owner's feed is: a single row with id 1, absent until the first publish.
CREATE TABLE shared_feed (
    id           INTEGER                  NOT NULL,
    state        VARCHAR(32)              NOT NULL,
    detail       VARCHAR(20000),
    until_at     TIMESTAMP WITH TIME ZONE,
    as_of        TIMESTAMP WITH TIME ZONE,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT shared_feed_pk PRIMARY KEY (id),
    CONSTRAINT shared_feed_single_row CHECK (id = 1)
);

-- "Maria is on it": at most one claim per caller number.
CREATE TABLE caller_claim (
    phone        VARCHAR(16)              NOT NULL,
    user_id      UUID                     NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT caller_claim_pk PRIMARY KEY (phone)
);
CREATE INDEX caller_claim_claimed_at ON caller_claim (claimed_at);
