package io.ringside.ui;

import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneFormatTest {

    private final PhoneFormat us = new PhoneFormat("US");

    @Test
    void homeNumbersAreShownNationallyOthersInternationally() {
        assertThat(us.display(PhoneNumber.of("+16025551234"))).isEqualTo("(602) 555-1234");
        assertThat(us.display(PhoneNumber.of("+442079460958"))).isEqualTo("+44 20 7946 0958");
        PhoneFormat gb = new PhoneFormat("GB");
        assertThat(gb.display(PhoneNumber.of("+442079460958"))).isEqualTo("020 7946 0958");
        assertThat(gb.display(PhoneNumber.of("+16025551234"))).isEqualTo("+1 602-555-1234");
    }

    @Test
    void typedNumbersBecomeE164() {
        assertThat(us.parse("(602) 555-1234").e164()).isEqualTo("+16025551234");
        assertThat(us.parse(" 602.555.1234 ").e164()).isEqualTo("+16025551234");
        assertThat(us.parse("1 602 555 1234").e164()).isEqualTo("+16025551234");
        assertThat(us.parse("+44 20 7946 0958").e164()).isEqualTo("+442079460958");
        assertThat(new PhoneFormat("GB").parse("020 7946 0958").e164()).isEqualTo("+442079460958");
    }

    @Test
    void whatCannotBeANumberIsRefusedWithASentence() {
        assertThatThrownBy(() -> us.parse("")).hasMessage("Enter the caller's phone number");
        assertThatThrownBy(() -> us.parse(null)).hasMessage("Enter the caller's phone number");
        assertThatThrownBy(() -> us.parse("call me")).hasMessage("That doesn't look like a phone number");
        assertThatThrownBy(() -> us.parse("555-12")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> us.parse("102")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> us.parse("602 555 1234 x12")).hasMessageContaining("extension");
        assertThatThrownBy(() -> us.parse("6".repeat(65))).hasMessageContaining("too long");
    }

    @Test
    void relativeTimes() {
        assertThat(RelativeTime.ago(Duration.ZERO)).isEqualTo("just now");
        assertThat(RelativeTime.ago(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(RelativeTime.ago(Duration.ofSeconds(60))).isEqualTo("1 min ago");
        assertThat(RelativeTime.ago(Duration.ofSeconds(119))).isEqualTo("1 min ago");
        assertThat(RelativeTime.ago(Duration.ofMinutes(2))).isEqualTo("2 min ago");
        assertThat(RelativeTime.ago(Duration.ofMinutes(59))).isEqualTo("59 min ago");
        assertThat(RelativeTime.ago(Duration.ofSeconds(-5))).isEqualTo("just now");
        assertThat(RelativeTime.secondsAgo(Duration.ofSeconds(7))).isEqualTo("7 s ago");
        assertThat(RelativeTime.secondsAgo(Duration.ofSeconds(125))).isEqualTo("2 min ago");
    }
}
