package io.ringside.application.service;

import io.ringside.application.port.in.ExtensionsUnavailableException;
import io.ringside.application.port.in.ListCompanyExtensions;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.Extension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The company's extensions for the admin's picker. The list is read from RingCentral (a Medium-group
 * request, paged) at most once a minute; when it cannot be read, the message says why, and that typing
 * the extension number still works.
 */
public final class CompanyExtensions implements ListCompanyExtensions {

    public static final Duration KEEP_FOR = Duration.ofSeconds(60);
    static final String TYPE_INSTEAD = " Type the extension number instead.";

    private final AuthenticatedRingCentral ringCentral;
    private final ExtensionDirectory directory;
    private final Clock clock;
    private List<Extension> kept;
    private Instant keptAt;

    public CompanyExtensions(AuthenticatedRingCentral ringCentral, ExtensionDirectory directory, Clock clock) {
        this.ringCentral = Objects.requireNonNull(ringCentral, "ringCentral");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<Extension> extensions() {
        Instant now = clock.instant();
        if (kept != null && now.isBefore(keptAt.plus(KEEP_FOR))) {
            return kept;
        }
        List<Extension> read = read(now);
        kept = List.copyOf(read);
        keptAt = now;
        return kept;
    }

    private List<Extension> read(Instant now) {
        try {
            return ringCentral.withAccessToken(directory::extensions);
        } catch (ConnectionUnusableException unusable) {
            throw new ExtensionsUnavailableException((unusable.why() == ConnectionUnusableException.Why.NOT_CONNECTED
                    ? "RingCentral is not connected, so the extension list can't be shown."
                    : "RingCentral needs to be connected again, so the extension list can't be shown.") + TYPE_INSTEAD);
        } catch (RingCentralRejectedException rejected) {
            throw new ExtensionsUnavailableException(sentence(rejected.getMessage()) + TYPE_INSTEAD);
        } catch (RingCentralRateLimitedException limited) {
            long seconds = Math.max(1, Duration.between(now, limited.until()).toSeconds());
            throw new ExtensionsUnavailableException("RingCentral asks Ringside to slow down; the extension list can be read again in "
                    + seconds + " seconds." + TYPE_INSTEAD);
        } catch (RingCentralUnavailableException unavailable) {
            throw new ExtensionsUnavailableException("RingCentral can't be reached right now, so the extension list can't be shown."
                    + TYPE_INSTEAD);
        } catch (RingCentralException other) {
            throw new ExtensionsUnavailableException("RingCentral did not give the extension list." + TYPE_INSTEAD);
        }
    }

    private static String sentence(String message) {
        String text = message == null ? "RingCentral refused to give the extension list." : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }
}
