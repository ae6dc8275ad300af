package io.ringside.application.port.out;

import io.ringside.domain.AccessToken;
import io.ringside.domain.InboundCall;

import java.time.Instant;
import java.util.List;

/**
 * The calls RingCentral knows about. Failures are thrown as {@link RingCentralException}s;
 * {@link AccessTokenRejectedException} means the token was refused and the caller decides
 * whether to refresh.
 */
public interface RingCentralCalls {

    /**
     * Inbound voice calls from the call log that started at or after {@code since}. A call shows
     * up there 15–30 s after it ends; the one on the line now is only in {@link #liveCalls}.
     * Records whose caller id is unusable are returned too (as {@code UnusableCallerId}).
     */
    List<InboundCall> callLog(AccessToken accessToken, Instant since);

    /** The connected user's calls in progress (presence, detailed telephony state). */
    List<InboundCall> liveCalls(AccessToken accessToken);
}
