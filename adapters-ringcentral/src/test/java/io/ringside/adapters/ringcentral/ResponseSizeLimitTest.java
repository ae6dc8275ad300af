package io.ringside.adapters.ringcentral;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CodeVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.RingCentralJson.callLogPage;
import static io.ringside.adapters.ringcentral.RingCentralJson.callLogRecord;
import static io.ringside.adapters.ringcentral.RingCentralJson.from;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RingCentral's answers are read up to {@code ringcentral.max-response-size} and no further: a larger
 * one fails as "RingCentral unavailable" with a message naming the setting, is not retried, and
 * costs at most the limit in memory.
 */
class ResponseSizeLimitTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String COMPANY_CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final AccessToken TOKEN = new AccessToken("the-access-token", NOW.plusSeconds(3600));
    private static final Instant SINCE = Instant.parse("2026-11-22T17:30:00Z");
    private static final ByteSize LIMIT = ByteSize.ofKilobytes(64);

    private RingCentralAdapter adapter;

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    private RingCentralAdapter adapter(String baseUrl) {
        adapter = RingCentralAdapter.create(TestAdapters.settings(baseUrl).maxResponseSize(LIMIT).build(), "US", TestAdapters.clock());
        return adapter;
    }

    private RingCentralCalls calls() {
        return adapter(ringCentral.baseUrl()).calls();
    }

    /** A call-log page of {@code records} records: about 1 KB each. */
    private static String callLogOf(int records) {
        return callLogPage(1, null, IntStream.range(0, records)
                .mapToObj(i -> callLogRecord("R" + i, "2026-11-22T18:20:00.000Z", "Missed", from("+1602555" + (1000 + i), "Caller " + i)))
                .toArray(String[]::new));
    }

    @Test
    void anAnswerUpToTheLimitIsRead() {
        String page = callLogOf(50);
        assertThat(page.length()).isBetween(40_000, (int) LIMIT.bytes());
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(page)));

        assertThat(calls().callLog(TOKEN, SINCE)).hasSize(50);
    }

    @Test
    void aLargerAnswerFailsWithAMessageNamingTheSettingAndIsNotRetried() {
        String page = callLogOf(100);
        assertThat(page.length()).isGreaterThan((int) LIMIT.bytes());
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(page)));

        assertThatThrownBy(() -> calls().callLog(TOKEN, SINCE))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessage("RingCentral's answer to the call-log request was larger than 64 KB (ringcentral.max-response-size),"
                        + " so Ringside stopped reading it");
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG)));
    }

    @Test
    void aLargerAnswerWithoutContentLengthIsCutOffToo() {
        // Chunked: the size is known only while reading.
        byte[] big = new byte[200 * 1024];
        Arrays.fill(big, (byte) ' ');
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Transfer-Encoding", "chunked").withBody(big)));

        assertThatThrownBy(() -> calls().callLog(TOKEN, SINCE))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("larger than 64 KB (ringcentral.max-response-size)");
    }

    @Test
    void anOversizedTokenAnswerFailsTheSameWay() {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) ' ');
        ringCentral.stubFor(post(urlPathEqualTo("/restapi/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(big)));

        assertThatThrownBy(() -> adapter(ringCentral.baseUrl()).authorization().exchangeCode("the-code", new CodeVerifier("v".repeat(64))))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("larger than 64 KB (ringcentral.max-response-size)");
    }

    @Test
    void anEndlessAnswerIsNotReadBeyondTheLimit() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch writerStopped = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked, no length: it never ends
            try (OutputStream body = exchange.getResponseBody()) {
                while (written.get() < 4L * 1024 * 1024 * 1024) {
                    body.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientGaveUp) {
                // what should happen: Ringside closed the connection
            } finally {
                writerStopped.countDown();
            }
        });
        server.start();
        try {
            long started = System.nanoTime();
            RingCentralCalls calls = adapter("http://localhost:" + server.getAddress().getPort()).calls();

            assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                    .isInstanceOf(RingCentralUnavailableException.class)
                    .hasMessageContaining("larger than 64 KB (ringcentral.max-response-size)");

            // Well before the 10 s read timeout: it stopped at the limit, not at a deadline.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
            assertThat(writerStopped.await(10, TimeUnit.SECONDS)).as("the server noticed the connection was given up").isTrue();
            // What the server managed to write before noticing sat in socket buffers, never in Ringside's memory.
            assertThat(written.get()).isLessThan(64L * 1024 * 1024);
        } finally {
            server.stop(0);
        }
    }
}
