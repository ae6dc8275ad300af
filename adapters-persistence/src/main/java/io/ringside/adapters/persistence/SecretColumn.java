package io.ringside.adapters.persistence;

/**
 * Every column that holds an encrypted secret, with the table, the row's key column and what the
 * secret is called in messages. The cipher binds each value to its column and row; re-encryption
 * visits exactly these columns. A new secret column is added here, or it is neither bound nor
 * re-encrypted.
 */
enum SecretColumn {

    ACCESS_TOKEN("ringcentral_connection", "id", "access_token_encrypted", "RingCentral access token"),
    REFRESH_TOKEN("ringcentral_connection", "id", "refresh_token_encrypted", "RingCentral refresh token"),
    CODE_VERIFIER("pending_authorization", "state", "code_verifier_encrypted",
            "PKCE code verifier of a pending RingCentral authorization");

    private final String table;
    private final String rowIdColumn;
    private final String column;
    private final String description;

    SecretColumn(String table, String rowIdColumn, String column, String description) {
        this.table = table;
        this.rowIdColumn = rowIdColumn;
        this.column = column;
        this.description = description;
    }

    String table() {
        return table;
    }

    String rowIdColumn() {
        return rowIdColumn;
    }

    String column() {
        return column;
    }

    /** What the secret is, for messages: "RingCentral access token". Never its value. */
    String description() {
        return description;
    }

    /** "ringcentral_connection.access_token_encrypted": where, for messages and logs. */
    String where() {
        return table + "." + column;
    }
}
