package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.OAuthSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to: the account and the user's extension (a client shows "connected as …"). */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/v1.0/account/{accountId}")
class AccountController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountInfo(long id, String uri, String mainNumber, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExtensionInfo(long id, String uri, String extensionNumber, String name, String type, String status,
                         Contact contact, AccountRef account) {
    }

    record Contact(String firstName, String lastName) {
    }

    record AccountRef(String id, String uri) {
    }

    private final SimulatedPlatform platform;
    private final Links links;

    AccountController(SimulatedPlatform platform, Links links) {
        this.platform = platform;
        this.links = links;
    }

    @GetMapping
    @Throttled(ThrottlingGroup.LIGHT)
    AccountInfo account(@PathVariable String accountId, HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        return new AccountInfo(directory.accountId(), links.api(request, "/account/" + directory.accountId()),
                directory.mainNumber(), "Confirmed");
    }

    @GetMapping("/extension/{extensionId}")
    @Throttled(ThrottlingGroup.LIGHT)
    ExtensionInfo extension(@PathVariable String accountId, @PathVariable String extensionId,
                            @RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                            HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        Extension extension = AccessScope.ownExtension(directory, extensionId, session);
        String accountUri = links.api(request, "/account/" + directory.accountId());
        String[] names = extension.name().split(" ", 2);
        return new ExtensionInfo(extension.id(), accountUri + "/extension/" + extension.id(),
                extension.extensionNumber(), extension.name(), "User", "Enabled",
                new Contact(names[0], names.length > 1 ? names[1] : ""),
                new AccountRef(Long.toString(directory.accountId()), accountUri));
    }
}
