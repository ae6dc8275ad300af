package io.ringside.simulator;

import io.ringside.simulator.calls.Callers;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Party;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTest {

    private final Callers callers = new Callers(Directory.demo("Alex Morgan"));

    @Test
    void numbersArePassedOnInTheShapeTheCarrierDelivered() {
        assertThat(callers.partyFor("(602) 555-1234", "Maria").phoneNumber()).isEqualTo("(602) 555-1234");
        assertThat(callers.partyFor("16025551234", null).phoneNumber()).isEqualTo("16025551234");
        assertThat(callers.partyFor("+1855201XXXX", null).phoneNumber()).isEqualTo("+1855201XXXX");
    }

    @Test
    void locationsAreDerivedWhereThePlatformCould() {
        assertThat(callers.partyFor("16025551234", null).location()).isEqualTo("Phoenix, AZ");
        assertThat(callers.partyFor("+442079460958", null).location()).isEqualTo("London, United Kingdom");
        assertThat(callers.partyFor("+1855201XXXX", null).location()).isNull();
    }

    @Test
    void aShortNumberIsAColleagueNamedFromTheDirectory() {
        Party colleague = callers.partyFor("102", null);

        assertThat(colleague.phoneNumber()).isNull();
        assertThat(colleague.extensionNumber()).isEqualTo("102");
        assertThat(colleague.name()).isEqualTo("Sam Rivera");
    }

    @Test
    void noNumberIsAnonymous() {
        assertThat(callers.partyFor(null, null)).isEqualTo(Party.anonymous());
        assertThat(callers.partyFor("  ", null).phoneNumber()).isNull();
    }

    @Test
    void theGeneratorsCallersCoverEveryShape() {
        assertThat(Callers.TYPICAL).extracting(Callers.Caller::number)
                .contains("+16025551234", "+442079460958", "16025550188", "(312) 555-0112", "+1855201XXXX", "102",
                        null);
    }
}
