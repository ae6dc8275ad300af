package io.ringside.application.service;

import io.ringside.domain.Password;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryPasswordsTest {

    private final TemporaryPasswords temporaryPasswords = new TemporaryPasswords();

    @Test
    void aTemporaryPasswordIsSixteenCharactersWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            String password = temporaryPasswords.next();
            assertThat(password).hasSize(16).matches("[A-Za-z2-9]+").doesNotContainPattern("[0O1lI]");
        }
    }

    @Test
    void theyDifferEveryTimeAndPassThePasswordRules() {
        PasswordRules rules = new PasswordRules(password -> false);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = temporaryPasswords.next();
            assertThat(rules.problem("maria", new Password(password))).isNull();
            seen.add(password);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(TemporaryPasswords.ALPHABET).doesNotContainPattern("[0O1lI]").hasSize(57);
    }
}
