package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ExtensionListRecord;
import io.ringside.adapters.ringcentral.wire.ExtensionListResponse;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.domain.AccessToken;
import io.ringside.domain.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account's enabled user extensions, from {@code GET /restapi/v1.0/account/~/extension?status=Enabled&type=User}
 * (RingCentral's {@code listExtensions}: Medium group, app permission ReadAccounts, user permission
 * ReadExtensions). Sent through the shared transport: the Medium budget, retries, the circuit breaker and
 * the port's exceptions are the call log's.
 */
final class RingCentralExtensionDirectory implements ExtensionDirectory {

    private static final Logger log = LoggerFactory.getLogger(RingCentralExtensionDirectory.class);
    static final String PATH = "/restapi/v1.0/account/~/extension";
    /** RingCentral's largest page ({@code EnumeratedPagingModel.perPage} maximum): one request for most companies. */
    static final int PER_PAGE = 1000;
    /** 20 000 extensions; a longer list is cut, and the log says so. */
    static final int MAX_PAGES = 20;
    private static final String USER = "User";
    private static final String ENABLED = "Enabled";

    /**
     * By extension number, numerically where it is all digits ({@code 99} before {@code 101}), then other
     * numbers as text, then extensions without a number by name and id.
     */
    static final Comparator<Extension> BY_NUMBER = Comparator
            .comparing((Extension e) -> e.number() == null ? 2 : isDigits(e.number()) ? 0 : 1)
            .thenComparing(e -> e.number() != null && isDigits(e.number()) ? stripLeadingZeros(e.number()).length() : 0)
            .thenComparing(e -> e.number() == null ? "" : isDigits(e.number()) ? stripLeadingZeros(e.number()) : e.number())
            .thenComparing(e -> e.name() == null ? "" : e.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Extension::id);

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final PageLinks pageLinks;

    RingCentralExtensionDirectory(RingCentralSettings settings, RingCentralTransport transport) {
        this.settings = settings;
        this.transport = transport;
        this.pageLinks = new PageLinks(settings);
    }

    @Override
    public List<Extension> extensions(AccessToken accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        URI page = URI.create(settings.baseUrl() + PATH + "?status=" + ENABLED + "&type=" + USER + "&perPage=" + PER_PAGE);
        // By id: a list that changes between two page reads can show an extension on both.
        Map<String, Extension> byId = new LinkedHashMap<>();
        for (int pagesRead = 0; page != null; pagesRead++) {
            if (pagesRead == MAX_PAGES) {
                log.warn("The RingCentral extension list has more than {} pages of {} extensions; the rest are left out",
                        MAX_PAGES, PER_PAGE);
                break;
            }
            ExtensionListResponse answer = transport.get(Operation.EXTENSION_LIST, page, accessToken.value(), ExtensionListResponse.class);
            for (ExtensionListRecord record : answer.recordsOrEmpty()) {
                Extension extension = map(record);
                if (extension != null) {
                    byId.putIfAbsent(extension.id(), extension);
                }
            }
            page = pageLinks.next(answer.nextPageUri(), "extension-list");
        }
        List<Extension> sorted = new ArrayList<>(byId.values());
        sorted.sort(BY_NUMBER);
        log.debug("RingCentral lists {} enabled user extensions", sorted.size());
        return List.copyOf(sorted);
    }

    /** Null for a record Ringside leaves out: one without an id, or (should the filter not be honoured) not an enabled user. */
    private static Extension map(ExtensionListRecord record) {
        if (record == null) {
            return null;
        }
        if (record.type() != null && !USER.equals(record.type()) || record.status() != null && !ENABLED.equals(record.status())) {
            log.debug("Left out extension {}: {} {}", record.id(), record.status(), record.type());
            return null;
        }
        try {
            return ExtensionMapper.INSTANCE.fromListRecord(record);
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            log.warn("Skipped a RingCentral extension record Ringside cannot read (number {}): {}", record.extensionNumber(),
                    unreadable.getMessage());
            return null;
        }
    }

    private static boolean isDigits(String number) {
        return !number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
