package app.wasmcloud.executor.run;

import app.wasmcloud.executor.invocation.GuestProperties;
import app.wasmcloud.runtime.GuestStack;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThread;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The run domain's request threads, made with a guest's stack so that a function runs on the thread that took its
 * request: no hand-off to a separate guest thread and back, which cost two context switches per invocation and half
 * of hello's throughput. The pool is Tomcat's own kind (it grows to {@code server.tomcat.threads.max} before it
 * queues); only the threads' stacks differ. The management server keeps its own threads.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, AutoCloseable {

    private final ThreadPoolExecutor threads;

    RequestThreads(
            GuestProperties properties,
            @Value("${server.tomcat.threads.max:200}") int maxThreads,
            @Value("${server.tomcat.threads.min-spare:10}") int minSpareThreads) {
        long stackBytes = properties.guestStackBytes().toBytes();
        AtomicInteger count = new AtomicInteger();
        TaskQueue queue = new TaskQueue();
        this.threads = new ThreadPoolExecutor(minSpareThreads, maxThreads, 60, TimeUnit.SECONDS, queue, body -> {
            TaskThread thread = new TaskThread(
                    null, GuestStack.declare(stackBytes, body), "run-" + count.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            return thread;
        });
        queue.setParent(threads);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(threads));
    }

    /** Tomcat stops only the executors it made itself; this runs after the server has drained and stopped. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
