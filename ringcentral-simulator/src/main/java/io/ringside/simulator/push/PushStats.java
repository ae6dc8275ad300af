package io.ringside.simulator.push;

/**
 * What the push gateway has done since the last reset, for tests and the benchmark to check a client
 * against what really happened on the wire.
 *
 * @param wsTokensIssued        successful {@code POST /restapi/oauth/wstoken} answers
 * @param socketsOpened         sockets that got a ConnectionDetails (recovered ones included)
 * @param socketsRefused        handshakes refused while refusing, and sockets closed for a bad ws token
 * @param recoveriesSucceeded   sockets opened with {@code wsc} that recovered their session
 * @param recoveriesFailed      sockets opened with {@code wsc} that got {@code recoveryState: Failed}
 * @param subscriptionsCreated  subscription requests answered 200 (a replacement counts too)
 * @param notificationsSent     ServerNotifications written to a socket (replays included)
 * @param notificationsBuffered notifications kept for a dropped session's replay
 * @param notificationsLost     notifications a dropped session could not keep (buffer full, or the session expired)
 * @param liveSockets           sockets open now
 */
public record PushStats(long wsTokensIssued, long socketsOpened, long socketsRefused, long recoveriesSucceeded,
                        long recoveriesFailed, long subscriptionsCreated, long notificationsSent,
                        long notificationsBuffered, long notificationsLost, int liveSockets) {
}
