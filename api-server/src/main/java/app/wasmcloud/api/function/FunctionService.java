package app.wasmcloud.api.function;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.web.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, finding and deleting functions, always on behalf of a caller who must own them. */
@Service
public class FunctionService {

    private final FunctionRepository functions;
    private final FunctionProperties properties;
    private final Clock clock;

    FunctionService(FunctionRepository functions, FunctionProperties properties, Clock clock) {
        this.functions = functions;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public FunctionEntity create(CurrentUser owner, FunctionName name, String description, Visibility visibility) {
        if (functions.findByName(name.value()).isPresent()) {
            throw ApiException.conflict("The name '" + name + "' is taken; choose another.");
        }
        if (functions.countByOwnerIdAndDeletedAtIsNull(owner.id()) >= properties.maxPerUser()) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Quota reached",
                    "You already own " + properties.maxPerUser() + " functions, the most allowed; delete one first.");
        }
        return functions.saveAndFlush(new FunctionEntity(name, owner.id(), description, visibility));
    }

    @Transactional(readOnly = true)
    public List<FunctionEntity> listOwnedBy(CurrentUser owner) {
        return functions.findByOwnerIdAndDeletedAtIsNullOrderByName(owner.id());
    }

    /** The caller's live function of that name; someone else's is reported as missing, revealing nothing. */
    @Transactional(readOnly = true)
    public FunctionEntity get(CurrentUser caller, String name) {
        return functions
                .findByName(name)
                .filter(function -> !function.isDeleted())
                .filter(function -> function.ownerId() == caller.id() || caller.isAdmin())
                .orElseThrow(() -> notFound(name));
    }

    @Transactional
    public void delete(CurrentUser caller, String name) {
        FunctionEntity function = get(caller, name);
        functions.findById(function.id()).orElseThrow().markDeleted(clock.instant());
    }

    public String urlOf(FunctionEntity function) {
        return properties.urlOf(function.name());
    }

    public static ApiException notFound(String name) {
        return ApiException.notFound("No function named '" + name + "'.");
    }
}
