package io.ringside.bootstrap.security.passwords;

import io.ringside.domain.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpringPasswordHasherTest {

    private final SpringPasswordHasher hasher = new SpringPasswordHasher();

    @Test
    void aHashIsBcryptWithItsPrefixAndMatchesOnlyItsPassword() {
        Password password = new Password("correct horse battery");

        String hash = hasher.hash(password);

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("horse");
        assertThat(hasher.matches(password, hash)).isTrue();
        assertThat(hasher.matches(new Password("Correct horse battery"), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        Password password = new Password("correct horse battery");

        assertThat(hasher.hash(password)).isNotEqualTo(hasher.hash(password));
    }

    @Test
    void aHashInAnUnknownFormatMatchesNothing() {
        assertThat(hasher.matches(new Password("correct horse battery"), "correct horse battery")).isFalse();
        assertThat(hasher.matches(new Password("correct horse battery"), null)).isFalse();
    }
}
