package app.wasmcloud.executor.invocation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service while the queue for slots is nearly at its memory bound, so a load balancer sends new requests to
 * another executor instead of collecting 503s from this one. A queue as such is normal under load: callers wait in
 * fair turn for at most the queueing deadline.
 */
@Component
class PoolHealthIndicator implements HealthIndicator {

    private final FunctionRunner runner;
    private final int saturatedAt;

    PoolHealthIndicator(FunctionRunner runner, AdmissionProperties admission) {
        this.runner = runner;
        this.saturatedAt = Math.max(1, admission.maxWaiting() * 3 / 4);
    }

    @Override
    public Health health() {
        int waiting = runner.waiting();
        Health.Builder health = waiting >= saturatedAt ? Health.outOfService() : Health.up();
        return health.withDetail("waiting", waiting)
                .withDetail("saturatedAt", saturatedAt)
                .withDetail("slots", runner.slots())
                .build();
    }
}
