package io.ringside.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.ringside.simulator.PushClient.ACCOUNT_SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** Pings, pongs, heartbeats, and the idle and absolute timeouts. */
class PushKeepAliveTest extends PushTestBase {

    @Test
    void theServerPingsAndAClientThatPongsStaysConnected() throws InterruptedException {
        keepAlive(Duration.ofMillis(150), Duration.ofMillis(400));
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        Thread.sleep(1_000);

        assertThat(socket.pings()).isGreaterThanOrEqualTo(3);
        socket.send("[{\"type\":\"Heartbeat\",\"messageId\":\"still-there\"}]");
        assertThat(socket.next("Heartbeat").get(0).get("messageId").asString()).isEqualTo("still-there");
        assertThat(platform.pushStats().liveSockets()).isEqualTo(1);
    }

    @Test
    void aClientThatDoesNotPongIsClosed() throws Exception {
        keepAlive(Duration.ofMillis(150), Duration.ofMillis(300));
        String token = wsToken().get("ws_access_token").asString();

        try (RawSocket silent = new RawSocket(port, "/simulator/ws?access_token=" + token)) {
            List<RawSocket.Frame> frames = silent.readUntilClosed();

            assertThat(frames.getFirst().opcode()).isEqualTo(1);
            assertThat(frames.getFirst().text()).contains("ConnectionDetails");
            assertThat(frames).anyMatch(f -> f.opcode() == 9);
            assertThat(frames.getLast().opcode()).isEqualTo(8);
            assertThat(frames.getLast().closeCode()).isEqualTo(1001);
        }
        assertThat(platform.pushStats().liveSockets()).isZero();
    }

    @Test
    void aSocketWhoseClientSaysNothingForTheIdleTimeoutGetsWsg902AndCloses() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        platform.advanceClock(Duration.ofSeconds(1800));

        JsonNode error = socket.next("Error");
        assertThat(error.get(1).get("errorCode").asString()).isEqualTo("WSG-902");
        assertThat(error.get(1).get("message").asString()).isEqualTo("Idle timeout expired");
        assertThat(socket.awaitEnd()).isEqualTo(1000);
    }

    @Test
    void heartbeatsKeepASocketFromIdling() {
        platform.updateSettings(s -> s.withPush(s.push().withIdleTimeout(Duration.ofSeconds(60))));
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        platform.advanceClock(Duration.ofSeconds(40));
        socket.send("[{\"type\":\"Heartbeat\",\"messageId\":\"hb\"}]");
        socket.next("Heartbeat");
        platform.advanceClock(Duration.ofSeconds(40));

        assertThat(socket.quietFor(Duration.ofMillis(400))).isEmpty();
        platform.advanceClock(Duration.ofSeconds(21));
        assertThat(socket.next("Error").get(1).get("errorCode").asString()).isEqualTo("WSG-902");
    }

    @Test
    void everySocketEndsAtTheAbsoluteTimeoutWithWsg903() {
        platform.updateSettings(s -> s.withPush(s.push().withAbsoluteTimeout(Duration.ofSeconds(120))));
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");
        assertThat(socket.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(200);

        platform.advanceClock(Duration.ofSeconds(121));

        JsonNode error = socket.next("Error");
        assertThat(error.get(1).get("errorCode").asString()).isEqualTo("WSG-903");
        assertThat(error.get(1).get("message").asString()).isEqualTo("Absolute timeout expired");
        assertThat(socket.awaitEnd()).isEqualTo(1000);
    }

    @Test
    void aTimedOutSessionCanBeRecovered() {
        platform.updateSettings(s -> s.withPush(s.push().withIdleTimeout(Duration.ofSeconds(60))));
        PushClient first = openSocket();
        String wsc = first.next("ConnectionDetails").get(0).get("wsc").get("token").asString();
        first.subscribe(ACCOUNT_SESSIONS);
        platform.advanceClock(Duration.ofSeconds(61));
        first.next("Error");
        first.awaitEnd();

        PushClient second = openSocket(wsc);

        assertThat(second.next().get(1).get("recoveryState").asString()).isEqualTo("Successful");
    }

    private void keepAlive(Duration pingInterval, Duration pongTimeout) {
        platform.updateSettings(s -> s.withPush(s.push().withKeepAlive(pingInterval, pongTimeout)));
    }
}
