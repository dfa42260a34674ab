package app.wasmcloud.api.token;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.wasmcloud.api.auth.WebSliceConfiguration;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.web.ApiException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/tokens} at the web edge: the API's real security chain and problem details in front of the controller,
 * the token service behind it mocked. What the service decides is {@code TokenTest}'s, against the database.
 */
@WebMvcTest(controllers = TokenController.class, properties = WebSliceConfiguration.PROPERTIES)
@Import(WebSliceConfiguration.class)
class TokenControllerTest {

    private static final String TOKEN = "valid-token";
    private static final String READ_ONLY = "read-only-token";
    private static final String PENDING = "pending-token";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokenService tokens;

    @BeforeEach
    void knownTokens() {
        given(tokens.authenticate(anyString())).willReturn(Optional.empty());
        given(tokens.authenticate(TOKEN))
                .willReturn(Optional.of(caller(UserStatus.ACTIVE, EnumSet.of(Scope.READ, Scope.DEPLOY))));
        given(tokens.authenticate(READ_ONLY)).willReturn(Optional.of(caller(UserStatus.ACTIVE, Set.of(Scope.READ))));
        given(tokens.authenticate(PENDING)).willReturn(Optional.of(caller(UserStatus.PENDING, Set.of(Scope.READ))));
    }

    @Test
    void aRequestWithoutATokenIsAnswered401WithAProblemSayingHowToAuthenticate() throws Exception {
        mvc.perform(get("/api/tokens"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(startsWith("Authentication required")))
                .andExpect(jsonPath("$.instance").value("/api/tokens"));
    }

    @Test
    void anUnknownTokenIsAnswered401SayingToLogInAgain() throws Exception {
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(startsWith("The API token is invalid, expired or revoked")));
    }

    @Test
    void listingWithoutTheReadScopeIsAnswered403NamingTheScope() throws Exception {
        given(tokens.authenticate("invoke-only"))
                .willReturn(Optional.of(caller(UserStatus.ACTIVE, Set.of(Scope.INVOKE))));

        mvc.perform(get("/api/tokens").header("Authorization", "Bearer invoke-only"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("This token lacks the 'read' scope."));
    }

    @Test
    void aPendingAccountIsAnswered403SayingAnAdminMustApproveIt() throws Exception {
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + PENDING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value("Your account is pending; an admin must approve it before you can use the API."));
    }

    @Test
    void aCreatedTokenIsAnswered201WithTheTokenItself() throws Exception {
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.parse("2027-01-01T00:00:00Z");
        given(tokens.create(any(), eq("ci"), eq(List.of("read", "deploy")), eq(30)))
                .willReturn(new IssuedToken(id, "ci", List.of("deploy", "read"), "the-jwt", expiresAt));

        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"scopes\":[\"read\",\"deploy\"],\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.name").value("ci"))
                .andExpect(jsonPath("$.scopes[0]").value("deploy"))
                .andExpect(jsonPath("$.token").value("the-jwt"))
                .andExpect(jsonPath("$.expiresAt").value("2027-01-01T00:00:00Z"));
    }

    @Test
    void aRefusalFromTheServiceIsAnsweredAsItsProblem() throws Exception {
        given(tokens.create(any(), any(), any(), any()))
                .willThrow(ApiException.badRequest("Unknown scope 'root': use read, deploy, invoke or admin."));

        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + READ_ONLY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"root\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value("Unknown scope 'root': use read, deploy, invoke or admin."));
    }

    @Test
    void aMisspeltFieldIsAnswered400NamingTheFieldsThereAre() throws Exception {
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scope\":[\"read\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request"))
                .andExpect(jsonPath("$.detail").value(startsWith("Unknown field 'scope'; the fields are")));
    }

    @Test
    void aBodyOfTheWrongShapeIsAnswered400NamingTheField() throws Exception {
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The field 'expiresInDays' has the wrong type."));
    }

    @Test
    void revokingSomethingThatIsNotATokenIdIsAnswered400() throws Exception {
        mvc.perform(delete("/api/tokens/abc").header("Authorization", "Bearer " + TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Invalid 'id' 'abc': expected a value of type uuid."));
    }

    private static CurrentUser caller(UserStatus status, Set<Scope> scopes) {
        return new CurrentUser(7, "tess", Role.USER, status, scopes);
    }
}
