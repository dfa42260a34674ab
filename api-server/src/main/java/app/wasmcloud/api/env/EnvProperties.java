package app.wasmcloud.api.env;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much configuration one function may carry; every byte of it is copied into each invocation's environment.
 *
 * @param maxVariables how many variables one function may have
 * @param maxKeyLength the longest variable name, in characters
 * @param maxValueBytes the largest value, in UTF-8 bytes
 */
@ConfigurationProperties("wasmcloud.env")
record EnvProperties(
        @DefaultValue("64") int maxVariables,
        @DefaultValue("128") int maxKeyLength,
        @DefaultValue("4096") int maxValueBytes) {}
