package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes reach the run domain through LISTEN/NOTIFY within a second, and only through it (or a reconnect): the
 * lookups in between come from the cache.
 */
class FunctionPropagationTest extends ExecutorTest {

    static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @Autowired
    MeterRegistry meters;

    @Test
    void aChangeIsNotSeenUntilItIsNotified() {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);

        deployNewVersion(name, uniqueModule("cookies"));

        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aNotifiedDeployIsServedWithinASecond() throws Exception {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);

        deployNewVersion(name, uniqueModule("cookies"));
        notifyChanged(name);

        awaitUntil(
                WITHIN_A_SECOND,
                "the new version answers",
                () -> get("/" + name + "/").statusCode() == 201);
    }

    @Test
    void aNotifiedDeployIsCompiledBeforeItsFirstRequest() throws Exception {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);
        double compiled = meters.get("wasmcloud.modules.compile").timer().count();

        deployNewVersion(name, uniqueModule("cookies"));
        notifyChanged(name);
        awaitUntil(
                Duration.ofSeconds(5),
                "the new version is compiled in the background",
                () -> meters.get("wasmcloud.modules.compile").timer().count() > compiled);
        double misses = moduleMisses();

        assertThat(get("/" + name + "/").statusCode()).isEqualTo(201);
        assertThat(moduleMisses()).isEqualTo(misses);
    }

    @Test
    void aFunctionMadePrivateLeavesTheRunDomainWithinASecond() throws Exception {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE functions SET visibility = 'private' WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        awaitUntil(
                WITHIN_A_SECOND,
                "the function is gone",
                () -> get("/" + name + "/").statusCode() == 404);
    }

    @Test
    void aDeletedFunctionIsGoneWithinASecond() throws Exception {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE functions SET deleted_at = now() WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        awaitUntil(
                WITHIN_A_SECOND,
                "the function is gone",
                () -> get("/" + name + "/").statusCode() == 404);
    }

    @Test
    void aNameThatWas404IsServedWithinASecondOfItsFirstDeploy() throws Exception {
        String name = deploy(readModule("hello"), "private", null);
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(404);

        jdbc.sql("UPDATE functions SET visibility = 'public' WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        awaitUntil(
                WITHIN_A_SECOND,
                "the function answers",
                () -> get("/" + name + "/").statusCode() == 200);
    }

    @Test
    void afterLosingItsConnectionTheListenerReconnectsAndForgetsWhatItCached() throws Exception {
        String name = deploy("hello");
        assertThat(get("/" + name + "/").statusCode()).isEqualTo(200);

        killListenerConnection();
        // Changed without a notification, as if it had been sent while the executor was not listening.
        deployNewVersion(name, uniqueModule("cookies"));

        awaitUntil(
                Duration.ofSeconds(10),
                "the change is served",
                () -> get("/" + name + "/").statusCode() == 201);
        String other = deploy("hello");
        assertThat(get("/" + other + "/").statusCode()).isEqualTo(200);
        deployNewVersion(other, uniqueModule("cookies"));
        notifyChanged(other);
        awaitUntil(
                WITHIN_A_SECOND,
                "notifications arrive again",
                () -> get("/" + other + "/").statusCode() == 201);
    }

    private void killListenerConnection() throws Exception {
        awaitUntil(Duration.ofSeconds(5), "the listener is connected", () -> listenerBackends() >= 1);
        jdbc.sql("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE application_name = 'wasmcloud-executor-listener'""").query().listOfRows();
    }

    private int listenerBackends() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'wasmcloud-executor-listener'")
                .query(Integer.class)
                .single();
    }

    private double moduleMisses() {
        return meters.get("wasmcloud.modules.cache")
                .tag("result", "miss")
                .counter()
                .count();
    }
}
