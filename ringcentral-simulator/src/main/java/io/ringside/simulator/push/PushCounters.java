package io.ringside.simulator.push;

/** The gateway's running counts behind {@link PushStats}. Guarded by the hub's lock. */
final class PushCounters {
    long wsTokensIssued;
    long socketsOpened;
    long socketsRefused;
    long recoveriesSucceeded;
    long recoveriesFailed;
    long subscriptionsCreated;
    long notificationsSent;
    long notificationsBuffered;
    long notificationsLost;

    PushStats snapshot(int liveSockets) {
        return new PushStats(wsTokensIssued, socketsOpened, socketsRefused, recoveriesSucceeded, recoveriesFailed,
                subscriptionsCreated, notificationsSent, notificationsBuffered, notificationsLost, liveSockets);
    }

    void reset() {
        wsTokensIssued = socketsOpened = socketsRefused = recoveriesSucceeded = recoveriesFailed = 0;
        subscriptionsCreated = notificationsSent = notificationsBuffered = notificationsLost = 0;
    }
}
