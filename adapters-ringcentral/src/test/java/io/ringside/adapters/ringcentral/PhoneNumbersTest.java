package io.ringside.adapters.ringcentral;

import io.ringside.domain.Caller;
import io.ringside.domain.CallingParty;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import io.ringside.domain.UnusableCallerId.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    private final PhoneNumbers us = new PhoneNumbers("US");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+16025551234   | +16025551234",
            "16025551234    | +16025551234",
            "(602) 555-1234 | +16025551234",
            "6025551234     | +16025551234",
            "+442079460958  | +442079460958",
            "442079460958   | +442079460958",
            "+44 20 7946 0958 | +442079460958",
    })
    void everyShapeOfARealNumberBecomesE164(String raw, String e164) {
        CallingParty party = us.callingParty(raw, null, "Ada Lovelace");

        assertThat(party).isEqualTo(new Caller(PhoneNumber.of(e164), "Ada Lovelace"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+1855201XXXX  | MASKED",
            "1855201xxxx   | MASKED",
            "102           | INTERNAL_EXTENSION",
            "1001          | INTERNAL_EXTENSION",
            "anonymous     | ANONYMOUS",
            "Private       | ANONYMOUS",
            "hello there   | UNRECOGNISED",
            "+1            | UNRECOGNISED",
            "5551234       | UNRECOGNISED",
            "+999123456789 | UNRECOGNISED",
    })
    void numbersThatCannotBeCalledBackSayWhy(String raw, Reason reason) {
        CallingParty party = us.callingParty(raw, null, "Someone");

        assertThat(party).isEqualTo(new UnusableCallerId(reason, "Someone"));
        assertThat(us.parse(raw)).isEmpty();
    }

    @Test
    void onlyAnExtensionNumberIsAnInternalCall() {
        assertThat(us.callingParty(null, "102", "Reception")).isEqualTo(new UnusableCallerId(Reason.INTERNAL_EXTENSION, "Reception"));
    }

    @Test
    void noNumberAtAllIsAnonymous() {
        assertThat(us.callingParty(null, null, null)).isEqualTo(UnusableCallerId.because(Reason.ANONYMOUS));
        assertThat(us.callingParty("  ", "", null)).isEqualTo(UnusableCallerId.because(Reason.ANONYMOUS));
    }

    @Test
    void theDefaultRegionDecidesNumbersWithoutACountryCode() {
        PhoneNumbers uk = new PhoneNumbers("GB");

        assertThat(uk.parse("020 7946 0958")).contains(PhoneNumber.of("+442079460958"));
        assertThat(us.parse("020 7946 0958")).isEmpty();
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
