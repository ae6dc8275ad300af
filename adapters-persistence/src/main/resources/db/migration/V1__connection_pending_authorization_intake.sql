-- Runs unchanged on H2 2.x and PostgreSQL: unquoted snake_case names, types both accept.
-- Secrets (access token, refresh token, PKCE verifier) are stored only as AES-GCM ciphertext,
-- base64 with a format prefix; their columns end in _encrypted so nobody mistakes them for plain text.

-- The company's one RingCentral connection: a single row with id 1.
CREATE TABLE ringcentral_connection (
    id                       INTEGER                  NOT NULL,
    status                   VARCHAR(32)              NOT NULL,
    access_token_encrypted   VARCHAR(16000),
    access_token_expires_at  TIMESTAMP WITH TIME ZONE,
    refresh_token_encrypted  VARCHAR(16000),
    refresh_token_issued_at  TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at TIMESTAMP WITH TIME ZONE,
    owner_id                 VARCHAR(200),
    connected_by             VARCHAR(200)             NOT NULL,
    connected_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refreshed_at        TIMESTAMP WITH TIME ZONE,
    problem                  VARCHAR(2000),
    version                  BIGINT                   NOT NULL,
    written_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ringcentral_connection_pk PRIMARY KEY (id),
    CONSTRAINT ringcentral_connection_single_row CHECK (id = 1),
    CONSTRAINT ringcentral_connection_status CHECK (status IN ('CONNECTED', 'RECONNECT_NEEDED')),
    CONSTRAINT ringcentral_connection_version CHECK (version >= 1)
);

-- OAuth attempts in flight; each row is taken (deleted) once.
CREATE TABLE pending_authorization (
    state                  VARCHAR(128)             NOT NULL,
    code_verifier_encrypted VARCHAR(1000)           NOT NULL,
    started_by             VARCHAR(200)             NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_authorization_pk PRIMARY KEY (state)
);
CREATE INDEX pending_authorization_expires_at ON pending_authorization (expires_at);

-- What operators saved.
CREATE TABLE intake (
    id                   UUID                     NOT NULL,
    caller_name          VARCHAR(200),
    phone                VARCHAR(16)              NOT NULL,
    notes                VARCHAR(4000),
    telephony_session_id VARCHAR(200),
    operator             VARCHAR(200)             NOT NULL,
    saved_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT intake_pk PRIMARY KEY (id)
);
CREATE INDEX intake_saved_at ON intake (saved_at);
CREATE INDEX intake_telephony_session_id ON intake (telephony_session_id);
CREATE INDEX intake_phone_saved_at ON intake (phone, saved_at);
