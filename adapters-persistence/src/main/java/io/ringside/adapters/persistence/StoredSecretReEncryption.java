package io.ringside.adapters.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites every stored secret that is not yet under the current key and format: values saved
 * with the previous key (after a key change) and values from before key ids were stored. Meant to
 * run once at start-up, before anything else reads the secrets.
 *
 * <p>All or nothing: one transaction, the rows locked while they are rewritten. Idempotent: a
 * second run finds every value current and changes nothing. If a previous key is set but some
 * value needs a third key, the previous key is the wrong one: nothing is changed and
 * {@link PreviousKeyMismatchException} says which key id the values need.
 */
public class StoredSecretReEncryption {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EncryptionKeys keys;
    private final SecretCipher cipher;

    public StoredSecretReEncryption(DataSource dataSource, EncryptionKeys keys) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = new SecretCipher(keys);
    }

    /** What one run found and did; counts and places, never a value. */
    public record Report(String currentKeyId, int alreadyCurrent, int fromPreviousKey, int fromFormatWithoutKeyId,
                         List<Unreadable> leftUnreadable) {

        public Report {
            leftUnreadable = List.copyOf(leftUnreadable);
        }

        public int reEncrypted() {
            return fromPreviousKey + fromFormatWithoutKeyId;
        }
    }

    /** A stored secret that could not be decrypted and was left as it was; reading it fails the same way later. */
    public record Unreadable(String where, String reason) {
    }

    /**
     * @throws PreviousKeyMismatchException if a previous key is set and a stored value needs neither key;
     *                                      then nothing was changed
     */
    public Report reEncryptToCurrentKey() {
        return transaction.execute(status -> {
            Tally tally = new Tally();
            for (SecretColumn column : SecretColumn.values()) {
                reEncrypt(column, tally);
            }
            if (keys.previous().isPresent() && !tally.needingAnotherKey.isEmpty()) {
                // Thrown inside the transaction: it rolls back, and the previous key's values stay as they were.
                throw new PreviousKeyMismatchException(keys, tally.needingAnotherKey);
            }
            List<Unreadable> unreadable = new ArrayList<>(tally.needingAnotherKey);
            unreadable.addAll(tally.altered);
            return new Report(keys.current().id(), tally.alreadyCurrent, tally.fromPreviousKey,
                    tally.fromFormatWithoutKeyId, unreadable);
        });
    }

    private void reEncrypt(SecretColumn column, Tally tally) {
        List<StoredValue> values = jdbc.sql("SELECT " + column.rowIdColumn() + ", " + column.column() + " FROM "
                        + column.table() + " WHERE " + column.column() + " IS NOT NULL FOR UPDATE")
                .query((rs, n) -> new StoredValue(rs.getObject(1), rs.getString(2)))
                .list();
        for (StoredValue value : values) {
            if (cipher.isCurrent(value.stored())) {
                tally.alreadyCurrent++;
                continue;
            }
            String secret;
            try {
                secret = cipher.decrypt(value.stored(), column, value.rowId());
            } catch (EncryptionKeyChangedException e) {
                tally.needingAnotherKey.add(new Unreadable(column.where(), e.neededKeyId()
                        .map(id -> "needs key id " + id)
                        .orElse("was saved before key ids were recorded, and no key Ringside holds decrypts it")));
                continue;
            } catch (AlteredSecretException e) {
                tally.altered.add(new Unreadable(column.where(),
                        "does not belong in its column and row, or was changed"));
                continue;
            }
            int updated = jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :reEncrypted WHERE "
                            + column.rowIdColumn() + " = :rowId AND " + column.column() + " = :stored")
                    .param("reEncrypted", cipher.encrypt(secret, column, value.rowId()))
                    .param("rowId", value.rowId())
                    .param("stored", value.stored())
                    .update();
            if (updated == 1 && value.stored().startsWith(SecretCipher.FORMAT + ":")) {
                tally.fromPreviousKey++;
            } else if (updated == 1) {
                tally.fromFormatWithoutKeyId++;
            }
        }
    }

    private record StoredValue(Object rowId, String stored) {
    }

    private static final class Tally {
        int alreadyCurrent;
        int fromPreviousKey;
        int fromFormatWithoutKeyId;
        final List<Unreadable> needingAnotherKey = new ArrayList<>();
        final List<Unreadable> altered = new ArrayList<>();
    }
}
