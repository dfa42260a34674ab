package app.wasmcloud.api.function;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.tier.AccountTiers;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, finding, changing and deleting functions, always on behalf of a caller who must own them. */
@Service
public class FunctionService {

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final FunctionRepository functions;
    private final FunctionProperties properties;
    private final FunctionNotifier notifier;
    private final Clock clock;
    private final AccountTiers tiers;

    FunctionService(
            FunctionRepository functions,
            FunctionProperties properties,
            FunctionNotifier notifier,
            Clock clock,
            AccountTiers tiers) {
        this.functions = functions;
        this.properties = properties;
        this.notifier = notifier;
        this.clock = clock;
        this.tiers = tiers;
    }

    /**
     * A deleted function's name stays reserved, and counts toward its owner's quota, until the purge releases it;
     * only its previous owner may take it back early, which releases the old function (versions, variables and
     * records) at once.
     */
    @Transactional
    public FunctionEntity create(CurrentUser owner, FunctionName name, String description, Visibility visibility) {
        Optional<FunctionEntity> existing = functions.findByName(name.value());
        if (existing.isPresent()) {
            FunctionEntity found = existing.get();
            if (!found.isDeleted()) {
                throw ApiException.conflict("The name '" + name + "' is taken; choose another.");
            }
            if (!found.ownerId().equals(owner.id())) {
                throw ApiException.conflict("The name '" + name + "' belonged to a deleted function and stays reserved"
                        + " for " + properties.deletedNameGrace().toDays() + " days after deletion (until "
                        + DateTimeFormatter.ISO_LOCAL_DATE.format(found.deletedAt()
                                .plus(properties.deletedNameGrace())
                                .atOffset(ZoneOffset.UTC))
                        + "), for its previous owner only; choose another.");
            }
            functions.delete(found);
            functions.flush();
        }
        long owned = functions.countByOwnerId(owner.id());
        int quota = tiers.of(owner.id()).quotas().functions();
        if (owned >= quota) {
            long reserved = functions.countByOwnerIdAndDeletedAtIsNotNull(owner.id());
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Quota reached",
                    "You already have " + quota + " functions, the most your tier allows"
                            + (reserved == 0
                                    ? ""
                                    : ", counting " + reserved + " deleted, whose names stay reserved for "
                                            + properties.deletedNameGrace().toDays()
                                            + " days (reuse one of those names to take it back)")
                            + "; delete one first.");
        }
        return functions.saveAndFlush(new FunctionEntity(name, owner.id(), description, visibility, properties));
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
                .filter(function -> isVisibleTo(function, caller))
                .orElseThrow(() -> notFound(name));
    }

    /**
     * The caller's live function, locked until the transaction ends so concurrent deploys, activations and edits of
     * one function apply one at a time.
     */
    @Transactional
    public FunctionEntity lock(CurrentUser caller, String name) {
        return functions
                .lockByName(name)
                .filter(function -> isVisibleTo(function, caller))
                .orElseThrow(() -> notFound(name));
    }

    @Transactional
    public FunctionEntity update(CurrentUser caller, String name, FunctionUpdate update) {
        FunctionEntity function = lock(caller, name);
        if (update.description() != null) {
            if (update.description().length() > 1000) {
                throw ApiException.badRequest("The description is "
                        + update.description().length() + " characters long; the most allowed is 1000.");
            }
            function.describe(update.description());
        }
        if (update.visibility() != null) {
            function.show(update.visibility());
        }
        if (update.timeoutMs() != null) {
            function.limit(
                    checkedLimit("The timeout", "ms", update.timeoutMs().value(), properties.maxTimeoutMs()),
                    function.memoryPages(),
                    properties);
        }
        if (update.memoryPages() != null) {
            function.limit(
                    function.timeoutMs(),
                    checkedLimit(
                            "The memory limit",
                            "pages of 64 KiB",
                            update.memoryPages().value(),
                            properties.maxMemoryPages()),
                    properties);
        }
        if (update.egressAllowList() != null) {
            List<String> hosts = checkedHosts(update.egressAllowList());
            // The egress example would otherwise make any stranger's account an open relay to the hosts they name.
            if (!hosts.isEmpty() && !tiers.of(function.ownerId()).deploysAnyModule()) {
                throw new ApiException(
                        HttpStatus.FORBIDDEN,
                        "No egress on this tier",
                        "Functions on the examples tier cannot make outbound requests. To allow hosts, apply for the"
                                + " free tier: `wasmcloud account apply --reason \"what you want to build\"`, or the"
                                + " Apply form on the panel's Account page.");
            }
            function.allowEgressTo(hosts);
        }
        if (update.record() != null) {
            function.record(update.record());
        }
        notifier.changed(function.name());
        return functions.saveAndFlush(function);
    }

    @Transactional
    public void delete(CurrentUser caller, String name) {
        FunctionEntity function = lock(caller, name);
        function.markDeleted(clock.instant());
        notifier.changed(function.name());
    }

    public String urlOf(FunctionEntity function) {
        return properties.urlOf(function.name());
    }

    public static ApiException notFound(String name) {
        return ApiException.notFound("No function named '" + name + "'.");
    }

    private static boolean isVisibleTo(FunctionEntity function, CurrentUser caller) {
        return !function.isDeleted() && (function.ownerId() == caller.id() || caller.isAdmin());
    }

    /** The new limit, or null to go back to the platform default. */
    private static Integer checkedLimit(String what, String unit, Integer value, int maximum) {
        if (value != null && (value < 1 || value > maximum)) {
            // Worded for people, not for one client: the CLI, the panel and scripts all show it as it is.
            throw ApiException.badRequest(what + " must be from 1 to " + maximum + " " + unit
                    + " (this server's maximum), not " + value + ".");
        }
        return value;
    }

    private List<String> checkedHosts(List<String> hosts) {
        TreeSet<String> unique = new TreeSet<>();
        for (String host : hosts) {
            String normalized = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
            if (!HOST_NAME.matcher(normalized).matches()) {
                throw ApiException.badRequest("Invalid egress host '" + host + "': give a host name such as"
                        + " 'api.example.com' (no scheme, port, path or wildcard).");
            }
            unique.add(normalized);
        }
        if (unique.size() > properties.maxEgressHosts()) {
            throw ApiException.badRequest("The egress allow-list has " + unique.size() + " hosts; the most allowed is "
                    + properties.maxEgressHosts() + ".");
        }
        return new ArrayList<>(unique);
    }
}
