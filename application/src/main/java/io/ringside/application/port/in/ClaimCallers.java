package io.ringside.application.port.in;

import io.ringside.domain.Actor;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;

import java.util.List;
import java.util.function.Consumer;

/**
 * "Maria is on it": filling the phone field from a caller claims them for {@link Claim#LASTS} or until
 * that operator saves an intake for the number, so colleagues see who took them.
 */
public interface ClaimCallers {

    void claim(PhoneNumber phone, Actor by);

    /** The claims in force now. */
    List<Claim> claims();

    /** Tells {@code listener} the claims in force each time they change (from any thread); close to stop. */
    Subscription watch(Consumer<List<Claim>> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
