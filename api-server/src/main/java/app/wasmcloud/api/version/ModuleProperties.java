package app.wasmcloud.api.version;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an uploaded module may be.
 *
 * @param maxMemoryPages the most 64 KiB pages a module may declare as its initial memory (256 = 16 MiB)
 */
@ConfigurationProperties("wasmcloud.modules")
public record ModuleProperties(@DefaultValue("4096") int maxMemoryPages) {}
