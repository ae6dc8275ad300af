package io.ringside.adapters.ringcentral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * RingCentral's {@code navigation.nextPage} links, followed on the configured server only. RingCentral's
 * link is absolute; only its path and query are used, so the bearer token never goes to a host other
 * than ringcentral.base-url. A server mounted under a path (the simulator's {@code /simulator}) has that
 * path in its links too.
 */
final class PageLinks {

    private static final Logger log = LoggerFactory.getLogger(PageLinks.class);

    private final RingCentralSettings settings;

    PageLinks(RingCentralSettings settings) {
        this.settings = settings;
    }

    /**
     * @param link what RingCentral gave as the next page, or null on the last page
     * @param list what the link pages through, for the log, e.g. {@code call-log}
     * @return the next page on the configured server, or null when there is none or the link is unusable
     */
    URI next(String link, String list) {
        if (link == null) {
            return null;
        }
        URI next;
        try {
            next = URI.create(link);
        } catch (IllegalArgumentException unreadable) {
            log.warn("Ignored a {} next-page link that is not a URI", list);
            return null;
        }
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        String basePath = settings.baseUrl().getRawPath() == null ? "" : settings.baseUrl().getRawPath();
        if (!basePath.isEmpty() && path.startsWith(basePath + "/restapi/")) {
            path = path.substring(basePath.length());
        }
        if (!path.startsWith("/restapi/")) {
            log.warn("Ignored a {} next-page link that is not a RingCentral API path", list);
            return null;
        }
        if (next.getHost() != null && !next.getHost().equalsIgnoreCase(settings.baseUrl().getHost())) {
            log.warn("RingCentral's next-page link names host {}; following it on {} instead", next.getHost(), settings.baseUrl().getHost());
        }
        return URI.create(settings.baseUrl() + path + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }
}
