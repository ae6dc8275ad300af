package io.ringside.simulator.push;

import io.ringside.simulator.settings.LiveSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ServerNotifications: an event goes to every session whose subscription has a matching filter, written to its
 * socket or, while the socket is gone, kept in the session's recovery buffer (and replayed when it recovers).
 * Guarded by the hub's lock.
 */
final class NotificationDelivery {

    private final LiveSettings settings;
    private final Clock clock;
    private final Connections connections;
    private final PushCounters counters;
    private final SentLog sent;

    NotificationDelivery(LiveSettings settings, Clock clock, Connections connections, PushCounters counters,
                         SentLog sent) {
        this.settings = settings;
        this.clock = clock;
        this.connections = connections;
        this.counters = counters;
        this.sent = sent;
    }

    void deliver(PushEvent event) {
        for (WscSession session : connections.sessions()) {
            Subscription subscription = session.subscription;
            if (subscription == null) {
                continue;
            }
            for (EventFilter filter : subscription.filters()) {
                if (event.matches(filter)) {
                    notify(session, subscription, filter, event);
                }
            }
        }
    }

    /** A recovered session's missed notifications, oldest first, until a write fails. */
    void replay(LiveSocket live, WscSession session) {
        List<WscSession.Buffered> replay = new ArrayList<>(session.buffer);
        session.buffer.clear();
        for (WscSession.Buffered missed : replay) {
            if (!connections.write(live, missed.json())) {
                break;
            }
            record(new SentNotification(clock.instant(), missed.info().subscriptionId(), missed.info().event(),
                    missed.info().telephonySessionId(), missed.info().status(), missed.info().sequence(),
                    missed.info().wscSequence(), true, missed.json()));
        }
    }

    private void notify(WscSession session, Subscription subscription, EventFilter filter, PushEvent event) {
        Instant now = clock.instant();
        String id = Frames.newId();
        long wscSequence = ++session.sequence;
        Wire.Notification notification = new Wire.Notification(id, filter.canonical(), Wire.time(now),
                subscription.id(), session.grant.ownerId(), event.bodyFor(filter));
        String json = Wire.frame(new Wire.Meta(Wire.SERVER_NOTIFICATION, id, 200,
                new Wire.Wsc(session.token, wscSequence), Frames.headers()), notification);
        SentNotification info = new SentNotification(now, subscription.id(), filter.canonical(),
                event.call().telephonySessionId(), event.status(), event.sequence(), wscSequence, false, json);
        if (session.live != null && connections.write(session.live, json)) {
            record(info);
            return;
        }
        int capacity = settings.current().push().recoveryBufferSize();
        if (capacity == 0) {
            counters.notificationsLost++;
            return;
        }
        session.buffer.addLast(new WscSession.Buffered(json, info));
        counters.notificationsBuffered++;
        while (session.buffer.size() > capacity) {
            // RingCentral's guide: past the buffer size a recovered client gets "only the most recent events".
            session.buffer.removeFirst();
            counters.notificationsLost++;
        }
    }

    private void record(SentNotification notification) {
        counters.notificationsSent++;
        sent.add(notification);
    }
}
