package io.ringside.adapters.ringcentral;

import io.ringside.domain.CallState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallStatesTest {

    /** CallResultEnum from RingCentral's OpenAPI spec (ringcentral-openapi-subset.json). */
    private static final List<String> CALL_RESULT_ENUM = List.of("911", "933", "Abandoned", "Accepted", "Answered Not Accepted",
            "Blocked", "Busy", "Call Failed", "Call Failure", "Call connected", "Carrier is not active", "Declined",
            "EDGE trunk misconfigured", "Fax Not Sent", "Fax Partially Sent", "Fax Poor Line", "Fax Receipt Error",
            "Fax on Demand", "Hang Up", "IP Phone Offline", "In Progress", "Internal Error", "International Disabled",
            "International Restricted", "Missed", "No Answer", "No Calling Credit", "Not Allowed", "Partial Receive",
            "Phone Login", "Receive Error", "Received", "Rejected", "Reply", "Restricted Number", "Send Error", "Sent",
            "Sent to Voicemail", "Stopped", "Suspended account", "Unknown", "Voicemail", "Wrong Number",
            "Answered Elsewhere", "Callback requested");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Accepted, ENDED",
            "Call connected, ENDED",
            "Answered Elsewhere, ENDED",
            "Missed, MISSED",
            "No Answer, MISSED",
            "Abandoned, MISSED",
            "Hang Up, MISSED",
            "Voicemail, VOICEMAIL",
            "Sent to Voicemail, VOICEMAIL",
            "In Progress, CONNECTED",
    })
    void callLogResultsBecomeCallStates(String result, CallState state) {
        assertThat(CallStates.fromCallLogResult(result)).isEqualTo(state);
    }

    @Test
    void everyResultRingCentralDocumentsHasAState() {
        assertThat(CALL_RESULT_ENUM).allSatisfy(result -> assertThat(CallStates.fromCallLogResult(result)).isNotNull());
        assertThat(CallStates.fromCallLogResult("Something New")).isEqualTo(CallState.ENDED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Ringing, RINGING",
            "CallConnected, CONNECTED",
            "OnHold, CONNECTED",
            "ParkedCall, CONNECTED",
            "NoCall, ENDED",
    })
    void presenceStatusesBecomeCallStates(String telephonyStatus, CallState state) {
        assertThat(CallStates.fromTelephonyStatus(telephonyStatus)).isEqualTo(state);
    }
}
