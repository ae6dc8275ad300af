package io.ringside.adapters.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The secret columns as the database holds them, read and written around the stores, as an attacker or an old Ringside would. */
final class RawSecrets {

    private final JdbcClient jdbc;

    RawSecrets(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    String read(SecretColumn column, Object rowId) {
        return jdbc.sql("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.rowIdColumn() + " = :id")
                .param("id", rowId)
                .query((rs, n) -> rs.getString(1)).list().getFirst();
    }

    void write(SecretColumn column, Object rowId, String stored) {
        int updated = jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :stored WHERE "
                        + column.rowIdColumn() + " = :id")
                .param("stored", stored).param("id", rowId).update();
        if (updated != 1) {
            throw new IllegalStateException("no row " + rowId + " in " + column.table());
        }
    }

    /** Every non-null stored secret, by "table.column/row id": to compare a database before and after. */
    Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        for (SecretColumn column : SecretColumn.values()) {
            jdbc.sql("SELECT " + column.rowIdColumn() + ", " + column.column() + " FROM " + column.table()
                            + " WHERE " + column.column() + " IS NOT NULL ORDER BY " + column.rowIdColumn())
                    .query((rs, n) -> all.put(column.where() + "/" + rs.getString(1), rs.getString(2)))
                    .list();
        }
        return all;
    }

    /** What Ringside stored before issue 13: Spring Security's AES-GCM, no key id, no associated data. */
    static String legacy(EncryptionKey key, String secret) {
        AesBytesEncryptor encryptor = new AesBytesEncryptor(new SecretKeySpec(key.bytes(), "AES"),
                KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
        return "v1:" + Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
