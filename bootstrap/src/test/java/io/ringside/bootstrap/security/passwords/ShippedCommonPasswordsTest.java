package io.ringside.bootstrap.security.passwords;

import io.ringside.domain.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedCommonPasswordsTest {

    private static final ShippedCommonPasswords COMMON = new ShippedCommonPasswords();

    @Test
    void theShippedListLoadsAllOfZxcvbnsPasswordsAndTheLongOnesAddedByHand() {
        assertThat(COMMON.size()).isEqualTo(30_044);
    }

    @Test
    void commonPasswordsAreFoundWholeAndWithoutCase() {
        assertThat(COMMON.isCommon(new Password("Password1234"))).isTrue();
        assertThat(COMMON.isCommon(new Password("PASSWORD1234"))).isTrue();
        assertThat(COMMON.isCommon(new Password("qwertyuiop123"))).isTrue();
        assertThat(COMMON.isCommon(new Password("1q2w3e4r5t6y"))).as("from zxcvbn's list").isTrue();
        assertThat(COMMON.isCommon(new Password("123456"))).as("the most common of all").isTrue();
        assertThat(COMMON.isCommon(new Password("ringsideadmin"))).as("added by hand").isTrue();
    }

    @Test
    void theCommentsOfTheFileAreNoPasswords() {
        assertThat(COMMON.isCommon(new Password("# Lines starting with # are comments."))).isFalse();
        assertThat(COMMON.isCommon(new Password("#"))).isFalse();
    }

    @Test
    void anUncommonPasswordIsNotOnTheListNorIsOneThatMerelyContainsACommonOne() {
        assertThat(COMMON.isCommon(new Password("vR7kq2Lp9XmzT4wN"))).isFalse();
        assertThat(COMMON.isCommon(new Password("lantern-otter-93"))).isFalse();
        assertThat(COMMON.isCommon(new Password("password1234-lantern-otter"))).isFalse();
    }
}
