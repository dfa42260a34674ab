package app.wasmcloud.cli.function;

import app.wasmcloud.cli.output.ByteSize;
import java.io.PrintStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** A progress bar on stderr for an upload, drawn as the HTTP client takes the body's bytes. */
final class UploadProgress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;

    private UploadProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** No bar: output is not a terminal, or the upload is too small to watch. */
    static UploadProgress none() {
        return new UploadProgress(null, null);
    }

    static UploadProgress bar(PrintStream err, String label) {
        return new UploadProgress(err, label);
    }

    BodyPublisher track(BodyPublisher body, long total) {
        if (err == null) {
            return body;
        }
        return new BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(new Counter(subscriber, total));
            }
        };
    }

    private final class Counter implements Flow.Subscriber<ByteBuffer> {
        private final Flow.Subscriber<? super ByteBuffer> downstream;
        private final long total;
        private long sent;
        private int drawnPercent = -1;

        Counter(Flow.Subscriber<? super ByteBuffer> downstream, long total) {
            this.downstream = downstream;
            this.total = Math.max(total, 1);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(ByteBuffer item) {
            sent += item.remaining();
            draw();
            downstream.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            clear();
            downstream.onError(throwable);
        }

        @Override
        public void onComplete() {
            clear();
            downstream.onComplete();
        }

        private void draw() {
            int percent = (int) Math.min(100, sent * 100 / total);
            if (percent == drawnPercent) {
                return;
            }
            drawnPercent = percent;
            int filled = percent * WIDTH / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% of "
                    + ByteSize.format(total));
            err.flush();
        }

        private void clear() {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
