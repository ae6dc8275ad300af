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
    void theKeyIdIsWhatTheReadmesShellRecipeComputesForTheSameKey() {
        // (printf 'ringside-key-id:'; printf %s "$KEY" | base64 -d) | sha256sum | cut -c1-8, run by hand for these keys
        assertThat(EncryptionKey.parse("q6Sm2p7cP0ptvtqB1m0OL/5sDXXQq6GZ0MVp0vl0qSI=").id()).isEqualTo("eea7f9e6");
        assertThat(EncryptionKey.parse("q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=").id()).isEqualTo("8a44e469");
    }

    @Test
    void everyKeyHasItsOwnShortIdThatGivesNothingOfTheKeyAway() {
        SecureRandom random = new SecureRandom();
        EncryptionKey one = EncryptionKey.generate(random);
        EncryptionKey other = EncryptionKey.generate(random);

        assertThat(one.id()).matches("[0-9a-f]{8}").isEqualTo(EncryptionKey.parse(one.toBase64()).id()).isNotEqualTo(other.id());
        assertThat(one.toBase64()).doesNotContain(one.id());
        assertThat(java.util.HexFormat.of().formatHex(one.bytes())).doesNotContain(one.id());
    }

    @Test
    void aBadPreviousKeyIsReportedUnderItsOwnSettingName() {
        assertThatThrownBy(() -> EncryptionKey.parse("not base64!", EncryptionKey.PREVIOUS_SETTING))
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY_PREVIOUS")
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void theSameKeyAsCurrentAndPreviousIsRefusedSayingWhichIsWhich() {
        EncryptionKey key = EncryptionKey.generate(new SecureRandom());

        assertThatThrownBy(() -> EncryptionKeys.rotating(key, EncryptionKey.parse(key.toBase64())))
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY_PREVIOUS")
                .hasMessageContaining("is the same key as RINGSIDE_ENCRYPTION_KEY")
                .hasMessageContaining(key.id())
                .hasMessageNotContaining(key.toBase64());
    }

    @Test
    void printsMaskedAndCannotBeChangedFromOutside() {
        EncryptionKey key = EncryptionKey.generate(new SecureRandom());

        assertThat(key.toString()).isEqualTo("EncryptionKey[id " + key.id() + ", ********]").doesNotContain(key.toBase64());
        key.bytes()[0] ^= 1;
        assertThat(EncryptionKey.parse(key.toBase64())).isEqualTo(key);
        assertThat(key.bytes()).hasSize(32);
    }
}
