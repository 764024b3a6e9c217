package io.barkeep.sync;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.store.AnswerStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.FetchClaims;
import io.barkeep.store.VendorAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs vendor requests and stores their answers: in parallel up to the source's concurrency, retrying with
 * back-off (1, 2, 4, 8, 16 s, then given up for this pass), splitting what is too large, checking every bar
 * against the calendar (bad ones quarantined), writing each answer as one transaction, logging revisions, and
 * recording every failure in {@code safety_events}. One request failing never stops the others; only a
 * failure no request can get past (no terminal, no permission) stops the run. In a cache shared on PostgreSQL,
 * each request first claims its sessions ({@link FetchClaims}) and leaves out what another process answered since
 * the plan ({@link LedgerSnapshot}): two machines never ask the vendor for one session. A {@link Cancellation}
 * aborts the requests in flight and wakes the back-off waits: a cancelled run ends within moments.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    /** How often a fetch waiting for another process's claim on its sessions looks again. */
    private static final Duration CLAIM_POLL = Duration.ofMillis(200);

    private final CacheEngine engine;
    private final BarSource source;
    private final FetchPlanner planner;
    private final AnswerStore answers;
    private final Sleeper sleeper;
    private final int concurrency;

    public Fetcher(CacheEngine engine, BarSource source, int concurrency, Sleeper sleeper) {
        this.engine = engine;
        this.source = source;
        this.planner = new FetchPlanner(engine.bars().calendar());
        this.answers = new AnswerStore(engine);
        this.sleeper = sleeper;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * Runs {@code requests} planned without a look at the ledger (fixed sessions, a benchmark); throws
     * {@link SyncAbortedException} when the run had to stop.
     */
    public SyncResult run(List<FetchRequest> requests, SyncProgress progress, Cancellation cancel) {
        return run(requests, new LedgerSnapshot(engine), progress, cancel);
    }

    /**
     * Runs {@code requests}, planned after {@code before} was taken: a session whose ledger row differs from it
     * once claimed was answered by another process and is not asked again. Sessions {@code before} did not look
     * at are looked at now.
     */
    public SyncResult run(List<FetchRequest> requests, LedgerSnapshot before, SyncProgress progress,
                          Cancellation cancel) {
        if (requests.isEmpty()) {
            return new SyncResult(0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        engine.feedGuard().claim(source.simulated(), source.name());
        requests.forEach(r -> before.take(r.symbol(), r.from(), r.to()));
        try (FetchClaims claims = FetchClaims.open(engine.database())) {
            return run(requests, new Run(requests.size(), progress, cancel, claims, before));
        }
    }

    private List<Integer> dateKeys(FetchRequest r) {
        return engine.bars().calendar().sessions(r.from(), r.to()).stream().map(Session::dateKey).toList();
    }

    private SyncResult run(List<FetchRequest> requests, Run run) {
        Cancellation cancel = run.cancel;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "barkeep-fetch-" + run.threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture.allOf(requests.stream().map(r -> handle(r, run, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        if (run.abort.get() != null) {
            throw new SyncAbortedException(run.abort.get());
        }
        if (cancel.isCancelled()) {
            throw new SyncAbortedException("cancelled");
        }
        return run.result();
    }

    private CompletableFuture<Void> handle(FetchRequest request, Run run, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> fetchWithRetry(request, run), pool).thenCompose(parts -> {
            if (parts.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            run.total.addAndGet(parts.size());
            return CompletableFuture.allOf(parts.stream().map(p -> handle(p, run, pool))
                    .toArray(CompletableFuture[]::new));
        });
    }

    /**
     * Claims the request's sessions in a shared cache (waiting while another process fetches any of them), then
     * fetches what no other process answered meanwhile: the request, parts of it, or nothing.
     */
    private List<FetchRequest> fetchWithRetry(FetchRequest request, Run run) {
        List<Integer> keys = dateKeys(request);
        try {
            while (!run.claims.tryClaim(request.symbol(), keys, engine.clock().instant())) {
                if (run.stopped()) {
                    return List.of();
                }
                Sleeper.REAL.sleep(CLAIM_POLL, run.cancel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel.cancel();
            return List.of();
        }
        try {
            List<Session> left = notAnsweredElsewhere(request, run);
            if (left.size() == keys.size()) {
                return fetchClaimed(request, run);
            }
            run.doneWithoutAnswer();
            return runs(request.symbol(), left);
        } finally {
            run.claims.release(request.symbol(), keys);
        }
    }

    /** The request's sessions whose ledger rows, read under the claim, are as they were before the plan. */
    private List<Session> notAnsweredElsewhere(FetchRequest request, Run run) {
        List<Session> sessions = engine.bars().calendar().sessions(request.from(), request.to());
        if (!run.claims.shared()) {
            return sessions;
        }
        Map<Integer, String> now = run.claims.ledger(request.symbol(), dateKeys(request));
        return sessions.stream().filter(s -> run.ledgerBefore.unchanged(request.symbol(), s.dateKey(), now))
                .toList();
    }

    /** Consecutive sessions as one request each. */
    private List<FetchRequest> runs(String symbol, List<Session> sessions) {
        List<FetchRequest> out = new ArrayList<>();
        TradingCalendar calendar = engine.bars().calendar();
        Session first = null;
        Session last = null;
        for (Session s : sessions) {
            boolean next = last != null && calendar.nextSessionAfter(last.date())
                    .map(n -> n.date().equals(s.date())).orElse(false);
            if (!next && first != null) {
                out.add(new FetchRequest(symbol, first.date(), last.date()));
                first = null;
            }
            if (first == null) {
                first = s;
            }
            last = s;
        }
        if (first != null) {
            out.add(new FetchRequest(symbol, first.date(), last.date()));
        }
        return out;
    }

    /** Returns the parts to fetch instead when the request was too large, else an empty list. */
    private List<FetchRequest> fetchClaimed(FetchRequest request, Run run) {
        for (int retry = 0; ; retry++) {
            if (run.stopped()) {
                return List.of();
            }
            try {
                run.vendorRequests.incrementAndGet();
                SourceAnswer answer = source.fetch(request.symbol(), request.from(), request.to(), run.cancel);
                store(request, answer, run);
                run.done(request);
                return List.of();
            } catch (SourceException e) {
                List<FetchRequest> next = onFailure(request, e, retry, run);
                if (next != null) {
                    return next;
                }
            } catch (RuntimeException e) {
                // A storage failure (disk full, locked file) stops the run: the next request would fail alike.
                LOG.error("storing {} failed", request, e);
                record(request, "store_error", e.getMessage());
                run.abort.compareAndSet(null, e.getMessage());
                return List.of();
            }
        }
    }

    /** Decides what follows a failed attempt: null to retry, parts to fetch instead, or empty to stop. */
    private List<FetchRequest> onFailure(FetchRequest request, SourceException e, int retry, Run run) {
        if (e.kind() == SourceException.Kind.CANCELLED || run.cancel.isCancelled()) {
            // the request was aborted on purpose: nothing to record, nothing to retry
            return List.of();
        }
        switch (e.kind()) {
            case TOO_LARGE -> {
                List<FetchRequest> parts = planner.split(request);
                if (parts.size() > 1) {
                    record(request, "vendor_split", e.getMessage() + "; asking in " + parts.size() + " parts");
                    run.doneWithoutAnswer();
                    return parts;
                }
                return giveUp(request, e, run);
            }
            case RETRYABLE -> {
                Duration wait = Backoff.delayBefore(retry);
                if (wait == null) {
                    return giveUp(request, e, run);
                }
                record(request, "vendor_retry", e.getMessage() + "; retry in " + wait.toSeconds() + " s");
                try {
                    sleeper.sleep(wait, run.cancel);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    run.cancel.cancel();
                    return List.of();
                }
                return run.cancel.isCancelled() ? List.of() : null;
            }
            case REQUEST_FAILED -> {
                return giveUp(request, e, run);
            }
            default -> {
                record(request, "vendor_fatal", e.getMessage());
                run.abort.compareAndSet(null, e.getMessage());
                return List.of();
            }
        }
    }

    private List<FetchRequest> giveUp(FetchRequest request, SourceException e, Run run) {
        String line = request + ": " + e.getMessage();
        record(request, "vendor_gave_up", e.getMessage());
        run.failures.add(line);
        run.doneWithoutAnswer();
        return List.of();
    }

    /** Stores one answer as one store operation (one transaction: quarantine, bars, ledger, revisions, events). */
    private void store(FetchRequest request, SourceAnswer answer, Run run) {
        AnswerStore.Result written = answers.store(new VendorAnswer(request.symbol(), source.name(),
                request.toString(), request.from(), request.to(), answer.bars(), answer.empties(),
                answer.unreadable().stream().map(u -> new VendorAnswer.Unreadable(u.raw(), u.reason())).toList(),
                answer.unreadableNotKept(), answer.noData()));
        run.bars.addAndGet(written.barsWritten());
        run.changed.addAndGet(written.barsChanged());
        run.empties.addAndGet(written.emptiesWritten());
        run.quarantined.addAndGet(written.quarantined());
        run.revisions.addAndGet(written.revisions());
    }

    private void record(FetchRequest r, String kind, String message) {
        Session first = engine.bars().calendar().sessions(r.from(), r.to()).stream().findFirst().orElse(null);
        try {
            engine.events().record(new SafetyEvent(engine.clock().instant(), kind, r.symbol(), source.name(),
                    first == null ? null : first.open(),
                    engine.bars().calendar().session(r.to()).map(Session::close).orElse(null),
                    r + ": " + message));
        } catch (RuntimeException e) {
            LOG.warn("could not record a safety event for {}: {}", r, message, e);
        }
    }

    /** The shared state of one run. */
    private static final class Run {
        final AtomicInteger total;
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger vendorRequests = new AtomicInteger();
        final AtomicInteger threads = new AtomicInteger();
        final AtomicLong bars = new AtomicLong();
        final AtomicLong changed = new AtomicLong();
        final AtomicLong empties = new AtomicLong();
        final AtomicInteger quarantined = new AtomicInteger();
        final AtomicInteger revisions = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> abort = new AtomicReference<>();
        final int planned;
        final SyncProgress progress;
        final Cancellation cancel;
        final FetchClaims claims;
        final LedgerSnapshot ledgerBefore;

        Run(int planned, SyncProgress progress, Cancellation cancel, FetchClaims claims, LedgerSnapshot ledgerBefore) {
            this.claims = claims;
            this.ledgerBefore = ledgerBefore;
            this.planned = planned;
            this.total = new AtomicInteger(planned);
            this.progress = progress;
            this.cancel = cancel;
        }

        boolean stopped() {
            return cancel.isCancelled() || abort.get() != null;
        }

        void done(FetchRequest r) {
            progress.update(finished.incrementAndGet(), total.get(), bars.get());
        }

        void doneWithoutAnswer() {
            progress.update(finished.incrementAndGet(), total.get(), bars.get());
        }

        SyncResult result() {
            return new SyncResult(planned, finished.get(), vendorRequests.get(), bars.get(), changed.get(),
                    empties.get(), quarantined.get(), revisions.get(), List.copyOf(failures));
        }
    }
}
