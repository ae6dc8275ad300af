package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoKeyFileTest {

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();

    @Test
    void theFirstDemoStartGeneratesAKeyOnlyItsOwnerCanReadAndLaterStartsReuseIt() throws Exception {
        Path file = dir.resolve("demo/encryption.key");

        DemoKeyFile.Loaded first = DemoKeyFile.loadOrCreate(file, random);
        DemoKeyFile.Loaded second = DemoKeyFile.loadOrCreate(file, random);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(EncryptionKey.parse(Files.readString(file))).isEqualTo(first.key());
    }

    @Test
    void aKeyFileSomeoneMadeReadableToOthersIsMadeOwnerOnlyAgain() throws Exception {
        Path file = dir.resolve("encryption.key");
        EncryptionKey key = DemoKeyFile.loadOrCreate(file, random).key();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(DemoKeyFile.loadOrCreate(file, random).key()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsStartUpSayingWhatToDelete() throws Exception {
        Path file = dir.resolve("demo/encryption.key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> DemoKeyFile.loadOrCreate(file, random))
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("Delete the folder " + file.getParent());
    }
}
