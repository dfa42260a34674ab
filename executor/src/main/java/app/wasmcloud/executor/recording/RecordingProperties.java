package app.wasmcloud.executor.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this executor stores recordings ({@code wasmcloud.executor.recordings.*}).
 *
 * @param maxPerFunction the most recordings one function keeps at once; past it new ones are dropped until the
 *     retention job removes old ones with their invocation records
 * @param queue recordings waiting to be stored; past it new ones are dropped, so a slow store never slows invocations
 */
@ConfigurationProperties("wasmcloud.executor.recordings")
public record RecordingProperties(
        @DefaultValue("1000") int maxPerFunction,
        @DefaultValue("64") int queue) {}
