package io.ringside.bootstrap.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Ringsides on one PostgreSQL behave as one (issue 12): whole application contexts on an embedded
 * PostgreSQL 17 and the RingCentral simulator, RingCentral connected once. In order, sharing one cluster: a call
 * at any extension reaches both; a lost NOTIFY is caught up; forced token expiries with both busy cost nothing;
 * the owner dies and the other takes over with every call still shown; the Heavy budget held throughout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoRingsidesOnOnePostgresIT {

    /** Short, so that calls that ring and end while nobody owns RingCentral reach the call log within the test. */
    private static final Duration CALL_LOG_DELAY = Duration.ofSeconds(5);

    private static ClusterHarness cluster;
    private static ClusterScenarios scenarios;
    private static HeavyRequestWatch heavy;
    private static RingsideInstance a;
    private static RingsideInstance b;

    @BeforeAll
    static void twoRingsides() throws Exception {
        cluster = ClusterHarness.start(CALL_LOG_DELAY);
        heavy = HeavyRequestWatch.start(cluster.platform());
        a = cluster.startInstance("ringside-a");
        b = cluster.startInstance("ringside-b");
        cluster.connectRingCentral(b);
        scenarios = new ClusterScenarios(cluster);
        assertThat(cluster.awaitOwnerOtherThan("", Duration.ofSeconds(30)))
                .as("one of the two owns RingCentral once it is connected").isPresent();
    }

    @AfterAll
    static void stop() throws Exception {
        if (heavy != null) {
            heavy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aCallAtAnyExtensionAppearsAtBothInstancesWithinASecond() throws Exception {
        ClusterScenarios.Visibility seen = scenarios.ringAtEveryExtension(List.of(a, b), 20, Duration.ofSeconds(10));

        assertThat(seen.neverShown()).isEmpty();
        assertThat(seen.ringToVisibleNanos()).hasSize(40);
        assertThat(seen.millis(95)).as("ring to shown at either instance, p95 (ms)").isLessThanOrEqualTo(1000);
    }

    @Test
    @Order(2)
    void aNotificationLostOnPurposeIsCaughtUpFromTheTable() throws Exception {
        RingsideInstance follower = follower();

        ClusterScenarios.LostNotify lost = scenarios.loseNotifications(follower, 3, Duration.ofSeconds(30));

        assertThat(lost.listenersDropped()).as("PostgreSQL ended the follower's LISTEN session each time").isGreaterThanOrEqualTo(3);
        assertThat(lost.neverShown()).isEmpty();
    }

    @Test
    @Order(3)
    void forcedTokenExpiriesWithBothBusyCostOneRefreshEachAndNoConnection() throws Exception {
        ClusterScenarios.TokenExpiries expiries = scenarios.expireTokens(List.of(a, b), 10);

        assertThat(expiries.unanswered()).as("expiries followed by no refresh").isZero();
        assertThat(expiries.refreshes()).as("refreshes at the simulator").isEqualTo(10);
        assertThat(expiries.tokenRefusals()).as("invalid_grant at the simulator").isZero();
        assertThat(expiries.lostConnections()).isEmpty();
    }

    @Test
    @Order(4)
    void theOwnerDiesAbruptlyAndTheOtherTakesOverWithEveryCallShown() throws Exception {
        ClusterScenarios.Takeover takeover = scenarios.killTheOwner(CALL_LOG_DELAY.plusSeconds(60));

        assertThat(takeover.newOwner()).as("the survivor owns RingCentral").isNotNull();
        assertThat(takeover.takeover()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(takeover.calls()).isGreaterThanOrEqualTo(8);
        assertThat(takeover.neverShown()).isEmpty();
    }

    @Test
    @Order(5)
    void heavyRequestsAcrossBothStayWithinSixAMinuteWithNo429() {
        assertThat(heavy.mostInAnyMinute()).as("Heavy requests in any 60 s, both instances together").isLessThanOrEqualTo(6);
        assertThat(cluster.simulator().probe().total()).as("HTTP 429 at the simulator").isZero();
    }

    private static RingsideInstance follower() {
        String owner = cluster.owner().orElseThrow();
        return owner.equals(a.name) ? b : a;
    }
}
