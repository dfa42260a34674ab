package app.wasmcloud.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Gitea's side of an OAuth login, played by a WireMock server: the user approves, Gitea sends the browser back with
 * {@link #code(String)}, exchanges that code for an access token and answers {@code /api/v1/user} for the token.
 */
public final class FakeGitea {

    private FakeGitea() {}

    /** The authorization code Gitea hands this user's browser after the approval. */
    public static String code(String login) {
        return "code-" + login;
    }

    /** Makes {@code gitea} answer the api-server's token exchange and user lookup for this user. */
    public static void userApproves(WireMockServer gitea, long id, String login) {
        String accessToken = "at-" + login;
        gitea.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("code=" + code(login)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\"}")));
        gitea.stubFor(get(urlPathEqualTo("/api/v1/user"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":" + id + ",\"login\":\"" + login + "\",\"email\":\"" + login
                                + "@example.test\"}")));
    }
}
