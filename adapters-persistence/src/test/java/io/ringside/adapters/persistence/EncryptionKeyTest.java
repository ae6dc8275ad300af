package io.ringside.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTest {

    @Test
    void readsWhatOpensslRandBase64MakesAndWritesItBackTheSame() {
        String openssl = "q6Sm2p7cP0ptvtqB1m0OL/5sDXXQq6GZ0MVp0vl0qSI=\n";

        EncryptionKey key = EncryptionKey.parse(openssl);

        assertThat(key.toBase64()).isEqualTo(openssl.strip());
        assertThat(EncryptionKey.parse(key.toBase64())).isEqualTo(key);
    }

    @Test
    void aMissingKeySaysHowToMakeOne() {
        assertThatThrownBy(() -> EncryptionKey.parse("  "))
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aKeyOfTheWrongLengthSaysWhatItDecodesToAndHowToMakeOneWithoutRepeatingIt() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> EncryptionKey.parse(sixteenBytes))
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("decodes to 16")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(sixteenBytes);
    }

    @Test
    void textThatIsNotBase64SaysSoWithoutRepeatingIt() {
        assertThatThrownBy(() -> EncryptionKey.parse("my-secret-password!!"))
                .hasMessageContaining("not valid base64")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("my-secret-password");
    }

    @Test
    void printsMaskedAndCannotBeChangedFromOutside() {
        EncryptionKey key = EncryptionKey.generate(new SecureRandom());

        assertThat(key.toString()).isEqualTo("EncryptionKey[********]").doesNotContain(key.toBase64());
        key.bytes()[0] ^= 1;
        assertThat(EncryptionKey.parse(key.toBase64())).isEqualTo(key);
        assertThat(key.bytes()).hasSize(32);
    }
}
