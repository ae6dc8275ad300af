package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ActiveCall;
import io.ringside.adapters.ringcentral.wire.CallLogRecord;
import io.ringside.adapters.ringcentral.wire.CallLogResponse;
import io.ringside.adapters.ringcentral.wire.PresenceResponse;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.domain.AccessToken;
import io.ringside.domain.InboundCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The call log (calls that ended) and presence (calls ringing or in progress at the connected user's extension). */
final class RingCentralCallsClient implements RingCentralCalls {

    private static final Logger log = LoggerFactory.getLogger(RingCentralCallsClient.class);
    static final String PRESENCE_PATH = "/restapi/v1.0/account/~/extension/~/presence";

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;
    private final PageLinks pageLinks;

    RingCentralCallsClient(RingCentralSettings settings, RingCentralTransport transport, PhoneNumbers phoneNumbers, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
        this.pageLinks = new PageLinks(settings);
    }

    @Override
    public List<InboundCall> callLog(AccessToken accessToken, Instant since) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(since, "since");
        // dateFrom is always sent: RingCentral's default is only the last 24 h.
        URI page = URI.create(settings.baseUrl() + settings.callLogScope().path()
                + "?direction=Inbound&type=Voice&view=Simple"
                + "&dateFrom=" + URLEncoder.encode(DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.MILLIS)), StandardCharsets.UTF_8)
                + "&perPage=" + settings.callLogPerPage());
        CallMappingContext context = new CallMappingContext(phoneNumbers, clock.instant());
        List<InboundCall> calls = new ArrayList<>();
        for (int pagesRead = 0; page != null; pagesRead++) {
            if (pagesRead == settings.callLogMaxPages()) {
                log.warn("The call log has more than {} pages of {} records (ringcentral.call-log-max-pages); the oldest calls are left out",
                        settings.callLogMaxPages(), settings.callLogPerPage());
                break;
            }
            CallLogResponse answer = transport.get(Operation.CALL_LOG, page, accessToken.value(), CallLogResponse.class);
            mapEach(answer.recordsOrEmpty(), record -> CallMapper.INSTANCE.fromCallLog(record, context), CallLogRecord::id, calls);
            page = pageLinks.next(answer.nextPageUri(), "call-log");
        }
        return List.copyOf(calls);
    }

    @Override
    public List<InboundCall> liveCalls(AccessToken accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        URI presence = URI.create(settings.baseUrl() + PRESENCE_PATH + "?detailedTelephonyState=true");
        PresenceResponse answer = transport.get(Operation.PRESENCE, presence, accessToken.value(), PresenceResponse.class);
        CallMappingContext context = new CallMappingContext(phoneNumbers, clock.instant());
        List<InboundCall> calls = new ArrayList<>();
        mapEach(answer.activeCallsOrEmpty(), call -> CallMapper.INSTANCE.fromActiveCall(call, context), ActiveCall::id, calls);
        return List.copyOf(calls);
    }

    /** One unreadable record (no id, no start time, an unknown direction) costs that record, not the whole list. */
    private static <T> void mapEach(List<T> records, Function<T, InboundCall> mapping, Function<T, String> idOf, List<InboundCall> into) {
        for (T record : records) {
            try {
                into.add(mapping.apply(record));
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                log.warn("Skipped a RingCentral call record Ringside cannot read (id {}): {}", idOf.apply(record), unreadable.getMessage());
            }
        }
    }
}
