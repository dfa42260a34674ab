package app.wasmcloud.api.function;

import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.wasmcloud.api.auth.WebSliceConfiguration;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.contract.FunctionName;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/functions} at the web edge: what the controller parses and refuses before the function service is
 * asked anything, and how a function is shown. The service's own rules are {@code FunctionSettingsTest}'s.
 */
@WebMvcTest(controllers = FunctionController.class, properties = WebSliceConfiguration.PROPERTIES)
@Import(WebSliceConfiguration.class)
@EnableConfigurationProperties(FunctionProperties.class)
class FunctionControllerTest {

    private static final String DEPLOYER = "deployer-token";
    private static final String READER = "reader-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    FunctionProperties properties;

    @MockitoBean
    ApiTokenService tokens;

    @MockitoBean
    FunctionService functions;

    @MockitoBean
    ActiveVersions versions;

    @BeforeEach
    void knownTokens() {
        given(tokens.authenticate(anyString())).willReturn(Optional.empty());
        given(tokens.authenticate(DEPLOYER))
                .willReturn(Optional.of(caller(EnumSet.of(Scope.READ, Scope.DEPLOY, Scope.INVOKE))));
        given(tokens.authenticate(READER)).willReturn(Optional.of(caller(Set.of(Scope.READ))));
    }

    @Test
    void creatingWithoutTheDeployScopeIsAnswered403BeforeTheServiceIsAsked() throws Exception {
        mvc.perform(post("/api/functions")
                        .header("Authorization", "Bearer " + READER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"hello\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This token lacks the 'deploy' scope."));
        verifyNoInteractions(functions);
    }

    @Test
    void listingWithoutATokenIsAnswered401() throws Exception {
        mvc.perform(get("/api/functions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void aNameThatIsNoDnsLabelIsAnswered400SayingWhatIsAllowed() throws Exception {
        mvc.perform(post("/api/functions")
                        .header("Authorization", "Bearer " + DEPLOYER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Not_A_Label\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid function name"))
                .andExpect(jsonPath("$.detail").value(startsWith("Invalid function name 'Not_A_Label': use ")));
        verifyNoInteractions(functions);
    }

    @Test
    void aTooLongDescriptionIsAnswered400ListingTheFieldInErrors() throws Exception {
        mvc.perform(post("/api/functions")
                        .header("Authorization", "Bearer " + DEPLOYER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"hello\",\"description\":\"" + "x".repeat(1001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0]").value("description: must be at most 1000 characters"));
        verifyNoInteractions(functions);
    }

    @Test
    void anUnknownVisibilityIsAnswered400NamingTheTwoThereAre() throws Exception {
        mvc.perform(post("/api/functions")
                        .header("Authorization", "Bearer " + DEPLOYER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"hello\",\"visibility\":\"secret\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Invalid visibility 'secret': use 'public' or 'private'."));
        verifyNoInteractions(functions);
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsAnswered400NamingTheField() throws Exception {
        mvc.perform(patch("/api/functions/hello")
                        .header("Authorization", "Bearer " + DEPLOYER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeoutMs\":1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The field 'timeoutMs' has the wrong type."));
        verifyNoInteractions(functions);
    }

    @Test
    void anUnknownRecordModeIsAnswered400ListingTheModes() throws Exception {
        mvc.perform(patch("/api/functions/hello")
                        .header("Authorization", "Bearer " + DEPLOYER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"record\":\"sometimes\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Invalid record mode 'sometimes': use off, on, errors."));
        verifyNoInteractions(functions);
    }

    @Test
    void theListShowsEachFunctionWithItsActiveVersionAndEffectiveLimits() throws Exception {
        FunctionEntity deployed =
                new FunctionEntity(FunctionName.parse("hello"), 7, "says hello", Visibility.PRIVATE, properties);
        FunctionEntity fresh = new FunctionEntity(FunctionName.parse("fresh"), 7, "", Visibility.PUBLIC, properties);
        // Ids as the database would have given them: the versions port answers by function id.
        ReflectionTestUtils.setField(deployed, "id", 1L);
        ReflectionTestUtils.setField(fresh, "id", 2L);
        given(functions.listOwnedBy(any())).willReturn(List.of(deployed, fresh));
        given(versions.numbersOf(List.of(deployed, fresh))).willReturn(Map.of(1L, 3));
        given(functions.urlOf(deployed)).willReturn("https://run.example.test/hello/");

        mvc.perform(get("/api/functions").header("Authorization", "Bearer " + READER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("hello"))
                .andExpect(jsonPath("$[0].description").value("says hello"))
                .andExpect(jsonPath("$[0].visibility").value("private"))
                .andExpect(jsonPath("$[0].activeVersion").value(3))
                .andExpect(jsonPath("$[0].url").value("https://run.example.test/hello/"))
                .andExpect(jsonPath("$[0].timeoutMs").value(nullValue()))
                .andExpect(jsonPath("$[0].effectiveTimeoutMs").value(10000))
                .andExpect(jsonPath("$[0].effectiveMemoryPages").value(256))
                .andExpect(jsonPath("$[0].record").value("off"))
                .andExpect(jsonPath("$[1].name").value("fresh"))
                .andExpect(jsonPath("$[1].activeVersion").value(nullValue()));
    }

    private static CurrentUser caller(Set<Scope> scopes) {
        return new CurrentUser(7, "fiona", Role.USER, UserStatus.ACTIVE, scopes);
    }
}
