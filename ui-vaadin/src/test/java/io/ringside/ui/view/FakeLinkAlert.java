package io.ringside.ui.view;

import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.domain.LinkIncident;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The link alert as the banner sees it: {@link #push} changes it and tells the watchers, like the link watch's thread does. */
final class FakeLinkAlert implements WatchLinkAlert {

    final List<Consumer<Optional<LinkIncident>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<LinkIncident> current = Optional.empty();

    void push(Optional<LinkIncident> state) {
        current = state;
        listeners.forEach(listener -> listener.accept(state));
    }

    @Override
    public Optional<LinkIncident> current() {
        return current;
    }

    @Override
    public Subscription watch(Consumer<Optional<LinkIncident>> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }
}
