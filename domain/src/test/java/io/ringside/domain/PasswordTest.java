package io.ringside.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordTest {

    @Test
    void twelveToSixtyFourCharactersAreFine() {
        assertThat(new Password("a".repeat(12)).lengthProblem()).isNull();
        assertThat(new Password("a".repeat(64)).lengthProblem()).isNull();
    }

    @Test
    void tooShortAndTooLongSayHowLongTheyAre() {
        assertThat(new Password("a".repeat(11)).lengthProblem())
                .isEqualTo("The password must be at least 12 characters long (this one has 11).");
        assertThat(new Password("a".repeat(65)).lengthProblem())
                .isEqualTo("The password must be at most 64 characters long (this one has 65).");
    }

    @Test
    void charactersAreCountedAsAPersonSeesThemNotAsUtf16Units() {
        String twelveEmoji = "🔒".repeat(12);
        assertThat(twelveEmoji.length()).isEqualTo(24);

        assertThat(new Password(twelveEmoji).lengthProblem()).isNull();
        assertThat(new Password("🔒".repeat(11)).lengthProblem()).contains("this one has 11");
    }

    @Test
    void onlySpacesIsNoPassword() {
        assertThat(new Password(" ".repeat(12)).lengthProblem()).isEqualTo("The password cannot be only spaces.");
    }

    @Test
    void itNeverPrintsItsValue() {
        assertThat(new Password("correct horse battery").toString()).doesNotContain("horse").isEqualTo("Password[********]");
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(NullPointerException.class);
    }
}
