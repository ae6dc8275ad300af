package io.ringside.simulator;

import io.ringside.simulator.oauth.Pkce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

    // RFC 7636 Appendix B: the published example pair, an independent check of the S256 derivation.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheRfcExample() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.matches(Pkce.S256, CHALLENGE, VERIFIER)).isTrue();
    }

    @Test
    void plainComparesTheVerifierItself() {
        assertThat(Pkce.matches(Pkce.PLAIN, VERIFIER, VERIFIER)).isTrue();
        assertThat(Pkce.matches(Pkce.PLAIN, CHALLENGE, VERIFIER)).isFalse();
    }

    @Test
    void aVerifierTooShortIsNeverAccepted() {
        assertThat(Pkce.matches(Pkce.PLAIN, "short", "short")).isFalse();
    }
}
