-- Runs unchanged on H2 2.x and PostgreSQL: unquoted snake_case names, types both accept.

-- Corrections use optimistic locking: an UPDATE only wins when the version it read is still there.
-- Intakes saved before corrections existed are version 1, the version of every newly saved intake.
ALTER TABLE intake ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;

-- The caller's name lower-cased by Ringside (Java's Locale.ROOT rules, the same as IntakeQuery), so the
-- name search is case-blind the same way on both databases: PostgreSQL's LOWER follows the database's
-- locale and leaves non-ASCII letters alone under the C locale. The search finds a part anywhere in the
-- name (LIKE '%part%'), which no B-tree index serves on either database, so there is no index on it.
-- Existing rows get the database's LOWER once; names are mostly ASCII, and a correction rewrites it.
ALTER TABLE intake ADD COLUMN caller_name_lower VARCHAR(200);
UPDATE intake SET caller_name_lower = LOWER(caller_name) WHERE caller_name IS NOT NULL;

-- Newest first is ORDER BY saved_at DESC, id. The indexes already there serve it on both databases (checked with
-- EXPLAIN on 100,000 intakes): intake_saved_at (V1) gives the first page of the whole history, the ties on
-- saved_at sorted in passing; intake_phone_saved_at (V1) the number search; intake_operator_id_saved_at (V2)
-- the "saved by" filter.

-- Every correction of an intake, kept for good: who made it (copied, like the audit trail, so it keeps
-- saying who it was after the user changes), when, from which address, and name, phone and notes before
-- and after. from_version is the intake's version the correction was made on (it left version + 1).
CREATE TABLE intake_edit (
    id              UUID                     NOT NULL,
    intake_id       UUID                     NOT NULL,
    from_version    BIGINT                   NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user_id      UUID,
    by_username     VARCHAR(200)             NOT NULL,
    by_display_name VARCHAR(200)             NOT NULL,
    address         VARCHAR(64),
    before_name     VARCHAR(200),
    before_phone    VARCHAR(16)              NOT NULL,
    before_notes    VARCHAR(4000),
    after_name      VARCHAR(200),
    after_phone     VARCHAR(16)              NOT NULL,
    after_notes     VARCHAR(4000),
    CONSTRAINT intake_edit_pk PRIMARY KEY (id),
    CONSTRAINT intake_edit_intake_fk FOREIGN KEY (intake_id) REFERENCES intake (id)
);
CREATE INDEX intake_edit_intake_id_at ON intake_edit (intake_id, at);
