package app.wasmcloud.executor.invocation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service while every guest thread and queue slot is taken, so a load balancer sends new requests to another
 * executor instead of collecting 503s from this one.
 */
@Component
class PoolHealthIndicator implements HealthIndicator {

    private final FunctionRunner runner;

    PoolHealthIndicator(FunctionRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        int inUse = runner.poolInUse();
        int capacity = runner.poolCapacity();
        Health.Builder health = inUse >= capacity ? Health.outOfService() : Health.up();
        return health.withDetail("inUse", inUse)
                .withDetail("capacity", capacity)
                .build();
    }
}
