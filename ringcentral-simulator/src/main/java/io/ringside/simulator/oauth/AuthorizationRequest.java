package io.ringside.simulator.oauth;

/**
 * What an app asked for at {@code /restapi/oauth/authorize}, kept until the user decides and then
 * bound to the code, so the token endpoint can check redirect URI and PKCE against it.
 *
 * @param codeChallenge       null when the app sent none (PKCE is optional for confidential apps)
 * @param codeChallengeMethod {@code plain} or {@code S256}; null without a challenge
 * @param state               echoed back unchanged; may be null
 */
public record AuthorizationRequest(
        String clientId,
        String redirectUri,
        String state,
        String codeChallenge,
        String codeChallengeMethod,
        String scope) {
}
