package io.ringside.simulator;

import io.ringside.simulator.push.PushStats;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.ringside.simulator.PushClient.ACCOUNT_SESSIONS;
import static io.ringside.simulator.PushProtocolTest.sequenceOf;
import static io.ringside.simulator.PushProtocolTest.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Dropped sockets, session recovery with {@code wsc}, the replay buffer, and out-of-order delivery. */
class PushRecoveryTest extends PushTestBase {

    @Test
    void aDropIsANetworkCutWithoutACloseFrame() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);

        int dropped = platform.dropPushSockets();

        assertThat(dropped).isEqualTo(1);
        assertThat(socket.awaitEnd()).as("no close frame").isNull();
        assertThat(socket.endedWithError()).as("connection reset").isTrue();
        assertThat(platform.pushStats().liveSockets()).isZero();
    }

    @Test
    void reconnectingWithWscInTimeRecoversTheSubscriptionAndReplaysMissedEventsInOrder() {
        PushClient first = openSocket();
        JsonNode details = first.next("ConnectionDetails");
        String wsc = details.get(0).get("wsc").get("token").asString();
        String subscriptionId = first.subscribe(ACCOUNT_SESSIONS).get(1).get("id").asString();
        String call = platform.startRingingCall("+16025551234", "Maria Garcia", "103");
        assertThat(statusOf(first.nextTelephony())).isEqualTo("Proceeding");

        platform.dropPushSockets();
        first.awaitEnd();
        platform.answer(call);
        platform.end(call);
        platform.advanceClock(Duration.ofSeconds(170));
        PushClient second = openSocket(wsc);

        JsonNode recovered = second.next();
        assertThat(recovered.get(0).get("type").asString()).isEqualTo("ConnectionDetails");
        assertThat(recovered.get(1).get("recoveryState").asString()).isEqualTo("Successful");
        assertThat(recovered.get(0).get("wsc").get("token").asString()).isEqualTo(wsc);
        JsonNode answered = second.nextTelephony();
        JsonNode ended = second.nextTelephony();
        assertThat(statusOf(answered)).isEqualTo("Answered");
        assertThat(sequenceOf(answered)).isEqualTo(2);
        assertThat(statusOf(ended)).isEqualTo("Disconnected");
        assertThat(sequenceOf(ended)).isEqualTo(3);
        assertThat(ended.get(1).get("subscriptionId").asString()).isEqualTo(subscriptionId);
        assertThat(ended.get(0).get("wsc").get("sequence").asLong())
                .isGreaterThan(answered.get(0).get("wsc").get("sequence").asLong());

        platform.startRingingCall("+12125550147", null, "102");
        JsonNode fresh = second.nextTelephony();
        assertThat(fresh.get(1).get("subscriptionId").asString()).isEqualTo(subscriptionId);
        PushStats stats = platform.pushStats();
        assertThat(stats.recoveriesSucceeded()).isEqualTo(1);
        assertThat(stats.socketsOpened()).isEqualTo(2);
        assertThat(platform.pushNotificationsSent()).filteredOn(n -> n.replayed()).hasSize(2);
    }

    @Test
    void afterTheRecoveryTimeoutRecoveryFailsWithAFreshSessionAndNoSubscription() {
        PushClient first = openSocket();
        String wsc = first.next("ConnectionDetails").get(0).get("wsc").get("token").asString();
        first.subscribe(ACCOUNT_SESSIONS);
        platform.dropPushSockets();
        first.awaitEnd();
        platform.startRingingCall("+16025551234", null, "103");

        platform.advanceClock(Duration.ofSeconds(181));
        PushClient second = openSocket(wsc);

        JsonNode details = second.next();
        assertThat(details.get(0).get("type").asString()).isEqualTo("ConnectionDetails");
        assertThat(details.get(1).get("recoveryState").asString()).isEqualTo("Failed");
        assertThat(details.get(0).get("wsc").get("token").asString()).isNotEqualTo(wsc);
        assertThat(second.quietFor(Duration.ofMillis(300))).as("nothing replayed").isEmpty();
        platform.startRingingCall("+12125550147", null, "103");
        assertThat(second.quietFor(Duration.ofMillis(300))).as("no subscription any more").isEmpty();
        assertThat(platform.pushStats().recoveriesFailed()).isEqualTo(1);
        assertThat(platform.pushStats().notificationsLost()).isEqualTo(1); // the Proceeding, buffered then gone

        assertThat(second.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void theRecoveryTimeoutIsASetting() {
        platform.setPushRecoveryTimeout(Duration.ofSeconds(5));
        PushClient first = openSocket();
        String wsc = first.next("ConnectionDetails").get(0).get("wsc").get("token").asString();
        assertThat(first.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(200);
        platform.dropPushSockets();
        first.awaitEnd();

        platform.advanceClock(Duration.ofSeconds(6));
        PushClient second = openSocket(wsc);

        JsonNode details = second.next("ConnectionDetails");
        assertThat(details.get(1).get("recoveryTimeout").asInt()).isEqualTo(5);
        assertThat(details.get(1).get("recoveryState").asString()).isEqualTo("Failed");
    }

    @Test
    void anUnknownWscFails() {
        PushClient socket = openSocket("no-such-wsc");

        JsonNode details = socket.next();

        assertThat(details.get(1).get("recoveryState").asString()).isEqualTo("Failed");
        assertThat(details.get(0).get("wsc").get("token").asString()).isNotEqualTo("no-such-wsc");
    }

    @Test
    void aSessionWithoutSubscriptionHasNothingToRecover() {
        PushClient first = openSocket();
        String wsc = first.next("ConnectionDetails").get(0).get("wsc").get("token").asString();
        platform.dropPushSockets();
        first.awaitEnd();

        JsonNode details = openSocket(wsc).next();

        assertThat(details.get(1).get("recoveryState").asString()).isEqualTo("Failed");
        assertThat(details.get(1).get("recoveryErrorCode").asString()).isEqualTo("WSG-1005");
    }

    @Test
    void aFullBufferKeepsTheNewestEvents() {
        platform.updateSettings(s -> s.withPush(s.push().withRecoveryBufferSize(2)));
        PushClient first = openSocket();
        String wsc = first.next("ConnectionDetails").get(0).get("wsc").get("token").asString();
        first.subscribe(ACCOUNT_SESSIONS);
        platform.dropPushSockets();
        first.awaitEnd();
        String call = platform.startRingingCall("+16025551234", null, "103");
        platform.answer(call);
        platform.hold(call);
        platform.end(call);

        PushClient second = openSocket(wsc);

        assertThat(second.next().get(1).get("recoveryState").asString()).isEqualTo("Successful");
        List<String> replayed = List.of(statusOf(second.nextTelephony()), statusOf(second.nextTelephony()));
        assertThat(replayed).containsExactly("Hold", "Disconnected");
        assertThat(platform.pushStats().notificationsLost()).isEqualTo(2);
    }

    @Test
    void sessionsOfDroppedSocketsKeepCountingTheirWscSequence() {
        PushClient first = openSocket();
        JsonNode details = first.next("ConnectionDetails");
        String wsc = details.get(0).get("wsc").get("token").asString();
        first.subscribe(ACCOUNT_SESSIONS);
        platform.dropPushSockets();
        first.awaitEnd();
        platform.startRingingCall("+16025551234", null, "103");

        PushClient second = openSocket(wsc);
        JsonNode recovered = second.next();
        JsonNode replay = second.nextTelephony();

        assertThat(recovered.get(0).get("wsc").get("sequence").asLong())
                .isGreaterThan(details.get(0).get("wsc").get("sequence").asLong());
        assertThat(replay.get(0).get("wsc").get("sequence").asLong()).isGreaterThan(1);
    }

    @Test
    void outOfOrderDeliverySwapsTheNextTwoEventsOfACall() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String call = platform.startRingingCall("+16025551234", null, "103");
        assertThat(sequenceOf(socket.nextTelephony())).isEqualTo(1);

        platform.deliverNextTwoEventsOutOfOrder(call);
        platform.answer(call);
        platform.end(call);

        JsonNode firstToArrive = socket.nextTelephony();
        JsonNode secondToArrive = socket.nextTelephony();
        assertThat(statusOf(firstToArrive)).isEqualTo("Disconnected");
        assertThat(sequenceOf(firstToArrive)).isEqualTo(3);
        assertThat(statusOf(secondToArrive)).isEqualTo("Answered");
        assertThat(sequenceOf(secondToArrive)).isEqualTo(2);
    }

    @Test
    void otherCallsAreNotHeldByAnotherCallsSwap() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String swapped = platform.startRingingCall("+16025551234", null, "103");
        socket.nextTelephony();
        platform.deliverNextTwoEventsOutOfOrder(swapped);

        String other = platform.startRingingCall("+12125550147", null, "102");

        JsonNode event = socket.nextTelephony();
        assertThat(event.get(1).get("body").get("telephonySessionId").asString())
                .isEqualTo(platform.call(other).telephonySessionId());
    }
}
