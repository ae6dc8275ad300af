package io.ringside.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionLinkTest {

    private static final Extension SAM = new Extension("62264425002", "102", "Sam Rivera");

    @Test
    void aLinkPickedFromTheListMatchesByIdEvenWhenTheEventHasNoNumber() {
        ExtensionLink picked = ExtensionLink.to(SAM);

        assertThat(picked).isEqualTo(new ExtensionLink("62264425002", "102"));
        assertThat(picked.matches(SAM)).isTrue();
        assertThat(picked.matches(new Extension("62264425002", null, null))).isTrue();
        assertThat(picked.matches(new Extension("62264425003", "102", null))).as("another id, same number").isFalse();
    }

    @Test
    void aTypedNumberMatchesOnlyWhenTheEventNamesTheNumber() {
        ExtensionLink typed = ExtensionLink.typed(" 102 ");

        assertThat(typed.id()).isNull();
        assertThat(typed.number()).isEqualTo("102");
        assertThat(typed.matches(SAM)).isTrue();
        assertThat(typed.matches(new Extension("62264425002", null, null))).isFalse();
        assertThat(typed.matches(null)).isFalse();
    }

    @Test
    void theLabelIsTheNumberOrElseTheId() {
        assertThat(ExtensionLink.typed("104").label()).isEqualTo("104");
        assertThat(new ExtensionLink("62264425004", null).label()).isEqualTo("62264425004");
    }

    @Test
    void aLinkNeedsAnIdOrANumberOfDigits() {
        assertThatThrownBy(() -> new ExtensionLink(" ", null)).hasMessage("An extension needs its id or its number");
        assertThatThrownBy(() -> ExtensionLink.typed("10a")).hasMessage("An extension number is digits only, like 103");
        assertThatThrownBy(() -> ExtensionLink.typed("1".repeat(17))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExtensionLink.typed("1".repeat(16)).number()).hasSize(16);
    }
}
