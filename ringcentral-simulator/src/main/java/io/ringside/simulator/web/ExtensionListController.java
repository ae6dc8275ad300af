package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AppPermissions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /restapi/v1.0/account/{accountId}/extension} ({@code listExtensions}): every extension of the
 * account, paged, filtered by {@code status}, {@code type} and {@code extensionNumber}. Medium group; the app
 * needs ReadAccounts (403 CMN-401 otherwise, checked live like the push permissions).
 */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/v1.0/account/{accountId}")
class ExtensionListController {

    static final Set<String> STATUSES = Set.of("Enabled", "Disabled", "Frozen", "NotActivated", "Unassigned");
    static final Set<String> TYPES = Set.of("User", "Department", "Announcement", "Voicemail", "DigitalUser",
            "VirtualUser", "FaxUser", "PagingOnly", "SharedLinesGroup", "DelegatedLinesGroup", "GroupCallPickup",
            "IvrMenu", "ApplicationExtension", "ProxyAdmin", "RoomConnector", "ParkLocation", "Limited", "Bot", "Site",
            "Room", "FlexibleUser", "TieLine", "Unknown");

    private final SimulatedPlatform platform;
    private final Links links;

    ExtensionListController(SimulatedPlatform platform, Links links) {
        this.platform = platform;
        this.links = links;
    }

    @GetMapping("/extension")
    @Throttled(ThrottlingGroup.MEDIUM)
    ExtensionListResponse extensions(@PathVariable String accountId,
                                     @RequestParam(required = false) List<String> status,
                                     @RequestParam(required = false) List<String> type,
                                     @RequestParam(required = false) String extensionNumber,
                                     @RequestParam(required = false) String page,
                                     @RequestParam(required = false) String perPage,
                                     HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        if (!platform.appPermissions().contains(AppPermissions.READ_ACCOUNTS)) {
            throw new ApiException(403, "CMN-401",
                    "In order to call this API endpoint, application needs to have [" + AppPermissions.READ_ACCOUNTS
                            + "] permission");
        }
        // Repeated parameters (type=User&type=Department) and comma lists; an unknown value is 400 CMN-101.
        Set<String> statuses = CallLogQuery.values(status, "status", STATUSES);
        Set<String> types = CallLogQuery.values(type, "type", TYPES);
        String number = extensionNumber == null || extensionNumber.isBlank() ? null : extensionNumber.strip();
        // The call log's paging rules: page from 1, perPage 1–1000 (more is cut to 1000, "max" is 1000), default 100.
        int current = CallLogQuery.parsePage(page);
        int size = CallLogQuery.parsePerPage(perPage);

        List<Extension> matching = directory.listed().stream()
                .filter(e -> statuses.isEmpty() || statuses.contains(e.status()))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .filter(e -> number == null || number.equals(e.extensionNumber()))
                .toList();
        int total = matching.size();
        int totalPages = (total + size - 1) / size;
        int from = Math.min((current - 1) * size, total);
        int to = Math.min(from + size, total);
        String accountUri = links.api(request, "/account/" + directory.accountId());
        List<ExtensionListResponse.Record> records = matching.subList(from, to).stream()
                .map(e -> record(e, accountUri)).toList();

        CallLogResponse.Navigation navigation = new CallLogResponse.Navigation(
                pageUri(request, 1, size),
                current < totalPages ? pageUri(request, current + 1, size) : null,
                current > 1 ? pageUri(request, Math.min(current - 1, Math.max(totalPages, 1)), size) : null,
                totalPages > 0 ? pageUri(request, totalPages, size) : null);
        boolean empty = records.isEmpty();
        CallLogResponse.Paging pagingModel = new CallLogResponse.Paging(current, totalPages, size, total,
                empty ? null : from, empty ? null : to - 1);
        return new ExtensionListResponse(links.current(request), records, navigation, pagingModel);
    }

    private static ExtensionListResponse.Record record(Extension extension, String accountUri) {
        boolean user = Extension.USER.equals(extension.type());
        String[] names = extension.name().split(" ", 2);
        ExtensionListResponse.Contact contact = user
                ? new ExtensionListResponse.Contact(names[0], names.length > 1 ? names[1] : "", extension.name())
                : new ExtensionListResponse.Contact(null, null, extension.name());
        return new ExtensionListResponse.Record(extension.id(), accountUri + "/extension/" + extension.id(),
                extension.extensionNumber(), extension.name(), extension.type(), extension.status(), contact,
                user ? Boolean.FALSE : null);
    }

    private CallLogResponse.PageUri pageUri(HttpServletRequest request, int page, int perPage) {
        return new CallLogResponse.PageUri(links.page(request, page, perPage));
    }
}
