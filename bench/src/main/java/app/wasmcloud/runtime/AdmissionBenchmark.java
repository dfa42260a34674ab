package app.wasmcloud.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What fair admission adds to an invocation that finds a slot free: one acquire and one release of the execution
 * slots. In the runtime's package (this module only) because the slots are internal to the pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdmissionBenchmark {

    private final FairSlots slots = new FairSlots(4, 1024);
    private final Tenant tenant = new Tenant(1, 1);

    @Benchmark
    public void takeAndGiveBackASlot() throws InterruptedException {
        slots.acquire(tenant, System.nanoTime() + 1_000_000_000L);
        new SlotHold(slots, tenant).releaseForGood();
    }
}
