package io.ringside.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "+16025551234",      // US
            "+442079460958",     // UK
            "+1234567",          // 7 digits, the shortest E.164 allows here
            "+123456789012345"   // 15 digits, the longest E.164 allows
    })
    void acceptsE164(String e164) {
        PhoneNumber number = PhoneNumber.of(e164);

        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number).hasToString(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "16025551234",        // no plus
            "+06025551234",       // leading 0 after the plus
            "+123456",            // 6 digits
            "+1234567890123456",  // 16 digits
            "+1602555ABCD",       // letters
            "+1855201XXXX",       // masked by RingCentral
            "+1 602 555 1234",    // spaces
            " +16025551234",      // leading space
            "+16025551234 ",      // trailing space
            "(602) 555-1234",     // formatted
            "+",
            "",
            "102"                 // internal extension
    })
    void rejectsAnythingElseWithAMessageNamingTheInput(String notE164) {
        assertThatThrownBy(() -> PhoneNumber.of(notE164))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164")
                .hasMessageContaining("'" + notE164 + "'");
    }

    @ParameterizedTest
    @NullSource
    void rejectsNullWithAMessage(String missing) {
        // The same exception type as every other rejection, so a form can catch one thing and show the message.
        assertThatThrownBy(() -> PhoneNumber.of(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number is required");
    }

    @Test
    void twoNumbersWithTheSameDigitsAreEqual() {
        assertThat(PhoneNumber.of("+16025551234")).isEqualTo(PhoneNumber.of("+16025551234"))
                .isNotEqualTo(PhoneNumber.of("+16025551235"));
    }
}
