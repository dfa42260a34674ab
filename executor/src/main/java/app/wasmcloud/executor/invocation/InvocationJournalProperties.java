package app.wasmcloud.executor.invocation;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where invocation records wait while the database cannot take them.
 *
 * @param directory the journal's directory, on local disk that survives a restart; only this executor may use it
 * @param maxSize the most the journal may hold; records past it are dropped, counted and logged
 */
@ConfigurationProperties("wasmcloud.executor.invocation-journal")
record InvocationJournalProperties(
        @DefaultValue(".dev/invocation-journal") Path directory,
        @DefaultValue("256MB") DataSize maxSize) {}
