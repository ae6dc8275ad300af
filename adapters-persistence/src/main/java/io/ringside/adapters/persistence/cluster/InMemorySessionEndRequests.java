package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SessionEndRequests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The requests to end someone's sessions on a single instance, kept in memory. */
public final class InMemorySessionEndRequests implements SessionEndRequests {

    private final List<Request> requests = new ArrayList<>();

    @Override
    public synchronized void request(String username, Instant at) {
        requests.add(new Request(Objects.requireNonNull(username, "username"), Objects.requireNonNull(at, "at")));
    }

    @Override
    public synchronized List<Request> since(Instant from) {
        return requests.stream()
                .filter(request -> !request.at().isBefore(from))
                .sorted(Comparator.comparing(Request::at)) // stable: requests made at one instant keep their order
                .toList();
    }

    @Override
    public synchronized int purge(Instant before) {
        int size = requests.size();
        requests.removeIf(request -> request.at().isBefore(before));
        return size - requests.size();
    }
}
