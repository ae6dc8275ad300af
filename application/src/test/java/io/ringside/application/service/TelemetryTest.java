package io.ringside.application.service;

import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.port.out.Telemetry;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryClaimStore;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.application.testing.LoopbackSignals;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.CallBoard;
import io.ringside.domain.CallEvent;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.PartyStatus;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the services report for the metrics: token refreshes by outcome, ring-to-visible of pushed calls, intakes saved. */
class TelemetryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final Actor OLIVIA = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", null);

    private final MutableClock clock = new MutableClock(T0);
    private final Recorded recorded = new Recorded();

    static final class Recorded implements Telemetry {
        final List<TokenRefresh> refreshes = new CopyOnWriteArrayList<>();
        final List<Duration> shown = new CopyOnWriteArrayList<>();
        final AtomicInteger intakes = new AtomicInteger();

        @Override
        public void tokenRefresh(TokenRefresh outcome) {
            refreshes.add(outcome);
        }

        @Override
        public void pushedCallShown(Duration ringToVisible) {
            shown.add(ringToVisible);
        }

        @Override
        public void intakeSaved() {
            intakes.incrementAndGet();
        }
    }

    @Test
    void everyRefreshSentIsReportedWithItsOutcomeAndNothingElse() {
        InMemoryConnectionStore connections = new InMemoryConnectionStore();
        FakeRingCentral ringCentral = new FakeRingCentral(clock);
        ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, new Auditor(new InMemoryAuditLog(), clock), clock);
        keeper.reportTo(recorded);
        connections.saveIfVersionMatches(RingCentralConnection.establish(ringCentral.nextTokens(), "admin", T0));

        keeper.refreshIfDue(); // not due: nothing sent
        clock.advance(Duration.ofMinutes(56));
        keeper.refreshIfDue();
        clock.advance(Duration.ofMinutes(56));
        ringCentral.failNextAuth(new RingCentralUnavailableException("503 Service Unavailable"));
        keeper.refreshIfDue();
        ringCentral.failNextAuth(new RingCentralRejectedException(RingCentralRejectedException.Reason.INVALID_GRANT, "OAU-211", "Token not found"));
        keeper.refreshIfDue();
        keeper.refreshIfDue(); // reconnect needed: nothing sent

        assertThat(recorded.refreshes).containsExactly(Telemetry.TokenRefresh.REFRESHED, Telemetry.TokenRefresh.FAILED,
                Telemetry.TokenRefresh.REFUSED);
        assertThat(ringCentral.refreshes).hasValue(3);
    }

    @Test
    void aPushedRingingCallIsTimedFromRingCentralsEventTimeToThePagesOnceAndNeverNegative() {
        RecentCallersBoard board = new RecentCallersBoard(new CallBoard(RecentCallers.withDefaultWindow()), new Watchers(), clock);
        board.reportTo(recorded);
        CallEvent ringing = event("s-1", 1, T0.minusMillis(180), PartyStatus.PROCEEDING);

        board.apply(ringing);
        board.apply(ringing); // the same event again changes nothing
        board.apply(event("s-1", 2, T0, PartyStatus.ANSWERED)); // not a ring
        board.apply(event("s-2", 1, T0.plusSeconds(2), PartyStatus.PROCEEDING)); // RingCentral's clock ahead of ours

        assertThat(recorded.shown).containsExactly(Duration.ofMillis(180), Duration.ZERO);
    }

    @Test
    void eachSavedIntakeIsReported() {
        IntakeService intakes = new IntakeService(new InMemoryIntakeStore(), new Auditor(new InMemoryAuditLog(), clock), new CallerClaims(new InMemoryClaimStore(), new LoopbackSignals(), clock),
                clock, ZoneOffset.UTC);
        intakes.reportTo(recorded);

        intakes.save("Pat Doe", new PhoneNumber("+16025551234"), "", null, OLIVIA, false);
        intakes.save("Lee Ames", new PhoneNumber("+16025559876"), "call back", null, OLIVIA, false);

        assertThat(recorded.intakes).hasValue(2);
    }

    private static CallEvent event(String session, long sequence, Instant at, PartyStatus status) {
        return new CallEvent(session, sequence, at, "p-" + session, Direction.INBOUND,
                new Caller(new PhoneNumber("+16025551234"), "Pat Doe"), "+16505550100", null, status, false);
    }
}
