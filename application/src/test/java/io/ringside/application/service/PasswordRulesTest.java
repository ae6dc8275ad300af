package io.ringside.application.service;

import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.domain.Password;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules(
            password -> Set.of("password1234", "welcome12345").contains(password.value().toLowerCase(Locale.ROOT)));

    @Test
    void aLongUncommonPasswordThatIsNotTheUsernamePasses() {
        assertThat(rules.problem("maria", new Password("lantern-otter-93"))).isNull();
        rules.check("maria", new Password("lantern-otter-93"));
    }

    @Test
    void eachRuleHasItsOwnSentence() {
        assertThat(rules.problem("maria", new Password("short-pass!"))).isEqualTo(
                "The password must be at least 12 characters long (this one has 11).");
        assertThat(rules.problem("maria", new Password("x".repeat(65)))).isEqualTo(
                "The password must be at most 64 characters long (this one has 65).");
        assertThat(rules.problem("maria", new Password(" ".repeat(12)))).isEqualTo("The password cannot be only spaces.");
        assertThat(rules.problem("maria", new Password("Password1234"))).isEqualTo(
                "This password is on a list of commonly used passwords; choose one that is harder to guess.");
        assertThat(rules.problem("maria.lopez.1", new Password("Maria.Lopez.1"))).isEqualTo("The password cannot be your username.");
    }

    @Test
    void checkThrowsTheFirstProblem() {
        assertThatThrownBy(() -> rules.check("maria", new Password("welcome")))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage("The password must be at least 12 characters long (this one has 7).");
        assertThatThrownBy(() -> rules.check("maria", new Password("WELCOME12345")))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage(PasswordRules.COMMON);
    }
}
