package io.barkeep.source.thetadata;

import io.barkeep.source.Cancellation;
import io.barkeep.source.RequestStats;
import io.barkeep.source.VendorErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET to the Theta Terminal with everything a hostile or stuck answer needs: at most the tier's number of
 * requests in flight, ONE deadline covering connect, headers and the whole body, a cap on the body's size (read
 * as a stream, never more than the cap is held), and a {@link Cancellation} that aborts the exchange in flight
 * (the connection is closed). Every exchange that holds a slot reports to the source's {@link RequestStats}. The
 * sources turn a {@link Failure} into their own messages.
 */
final class ThetaHttp {
    /** The most a body may hold unless the request says less: far above any real answer (a month is < 1 MB). */
    static final long DEFAULT_MAX_BODY = 64L * 1024 * 1024;
    /** What one session day of 5-minute bars may take, generously (78 rows of about 100 bytes, times 100). */
    private static final long PER_DAY = 1024L * 1024;
    private static final long AT_LEAST = 4L * 1024 * 1024;
    private static final long WAIT_SLICE_MS = 100;

    /** Why a request brought no answer. */
    enum Reason { TIMEOUT, TOO_LARGE, CANCELLED, BROKEN, CLOSED }

    /** A request that brought no answer; {@code getCause()} is the I/O failure for {@link Reason#BROKEN}. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Failure(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }

    /** A whole answer: status, headers and the body as text. */
    record Reply(int status, HttpHeaders headers, String body) {
    }

    private final HttpClient http;
    private final Semaphore inFlight;
    private final Duration deadline;
    private final RequestStats stats;
    private volatile boolean closed;

    ThetaHttp(HttpClient http, int concurrency, Duration deadline, RequestStats stats) {
        this.http = http;
        this.inFlight = new Semaphore(concurrency, true);
        this.deadline = deadline;
        this.stats = stats;
    }

    Duration deadline() {
        return deadline;
    }

    /** Refuses every later request; requests in flight end on their own (the caller waited for them). */
    void close() {
        closed = true;
    }

    /** The body cap for a request of {@code days} days: generous, at most {@link #DEFAULT_MAX_BODY}. */
    static long capForDays(long days) {
        return Math.min(DEFAULT_MAX_BODY, Math.max(AT_LEAST, days * PER_DAY));
    }

    /** GETs {@code uri} under the semaphore; the deadline runs from the start of the exchange to its last byte. */
    Reply get(URI uri, long maxBytes, Cancellation cancel) throws Failure {
        return get(uri, maxBytes, cancel, true);
    }

    /**
     * As {@link #get}, for a readiness check: an answer is neither a success nor an error answer in the figures
     * (the source judges what it says and reports it with {@link RequestStats#checked}); no answer is a failure.
     */
    Reply check(URI uri, long maxBytes) throws Failure {
        return get(uri, maxBytes, Cancellation.none(), false);
    }

    private Reply get(URI uri, long maxBytes, Cancellation cancel, boolean data) throws Failure {
        if (closed) {
            throw new Failure(Reason.CLOSED, "closed", null);
        }
        acquire(cancel);
        long started = stats.begin();
        try {
            Reply reply = exchange(uri, maxBytes, cancel);
            if (!data) {
                stats.ended(started);
            } else if (reply.status() == 200 || ThetaStatus.isNoData(reply.status())) {
                stats.succeeded(started);
            } else {
                stats.refused(started, ThetaStatus.label(reply.status()));
            }
            return reply;
        } catch (Failure f) {
            if (f.reason == Reason.CANCELLED) {
                stats.abandoned(started);
            } else {
                stats.failed(started, code(f));
            }
            throw f;
        } finally {
            inFlight.release();
        }
    }

    private Reply exchange(URI uri, long maxBytes, Cancellation cancel) throws Failure {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new CappedBody(maxBytes));
        // cancel(true) on the client's future aborts the exchange and closes its connection (JDK 16+)
        try (Cancellation.Registration abort = cancel.onCancel(() -> exchange.cancel(true))) {
            HttpResponse<byte[]> response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new Reply(response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Failure(Reason.TIMEOUT, "no whole answer within the deadline", e);
        } catch (CancellationException e) {
            throw new Failure(Reason.CANCELLED, "cancelled", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(Reason.CANCELLED, "interrupted", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), cancel);
        }
    }

    /** The error code the health view shows for a request without an answer. */
    private static String code(Failure f) {
        return switch (f.reason) {
            case TIMEOUT -> VendorErrorCode.TIMEOUT;
            case TOO_LARGE -> VendorErrorCode.TOO_LARGE;
            case CLOSED, CANCELLED -> VendorErrorCode.OTHER;
            case BROKEN -> refusedConnection(f.getCause()) ? VendorErrorCode.NO_TERMINAL
                    : VendorErrorCode.CONNECTION_BROKE;
        };
    }

    /** Whether nothing listened: the terminal does not run (the sources say so in their own words). */
    static boolean refusedConnection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Failure classify(Throwable cause, Cancellation cancel) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge big) {
                return new Failure(Reason.TOO_LARGE, big.getMessage(), big);
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return new Failure(Reason.TIMEOUT, "no answer within the deadline", t);
            }
        }
        if (cancel.isCancelled()) {
            return new Failure(Reason.CANCELLED, "cancelled", cause);
        }
        return new Failure(Reason.BROKEN, String.valueOf(cause.getMessage()), cause);
    }

    /** Waits for a free slot, giving up when cancelled (checked every 100 ms: nothing is in flight yet). */
    private void acquire(Cancellation cancel) throws Failure {
        try {
            while (!inFlight.tryAcquire(WAIT_SLICE_MS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw new Failure(Reason.CANCELLED, "cancelled", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Reason.CANCELLED, "interrupted", e);
        }
        if (cancel.isCancelled()) {
            inFlight.release();
            throw new Failure(Reason.CANCELLED, "cancelled", null);
        }
    }

    /** The body exceeded its cap: the exchange was cut there, and nothing more was read. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long cap) {
            super("the answer is larger than " + cap / (1024 * 1024) + " MB");
        }
    }

    /** Collects a body up to {@code cap} bytes, cancelling the subscription (closing the connection) past it. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                if (bytes.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(cap));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
