package io.ringside.simulator.web;

import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.oauth.OAuthSession;

/**
 * What a token may see through path ids: its own account and its owner's extension, named by id or
 * by {@code ~}. Anything else is answered as RingCentral does for resources out of reach: 404 CMN-102.
 */
final class AccessScope {

    private AccessScope() {
    }

    static Directory account(Directory directory, String accountId) {
        if (!accountId.equals("~") && !accountId.equals(Long.toString(directory.accountId()))) {
            throw ApiException.resourceNotFound("accountId");
        }
        return directory;
    }

    static Extension ownExtension(Directory directory, String extensionId, OAuthSession session) {
        String ownId = session.ownerId();
        if (!extensionId.equals("~") && !extensionId.equals(ownId)) {
            throw ApiException.resourceNotFound("extensionId");
        }
        return directory.byId(ownId).orElseThrow(() -> ApiException.resourceNotFound("extensionId"));
    }
}
