package io.barkeep.ui.app;

import io.barkeep.domain.Freshness;
import io.barkeep.store.CacheEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The freshness of every symbol, computed once and shared by the views that show it (dashboard, freshness,
 * watchlist): at 554 symbols one report takes 1.2 s warm on a 2-core machine, and each view used to compute its own.
 *
 * <p>A report is reused while nothing could have changed it: the same engine, no transaction committed by this
 * process since it was read ({@code DbWriter.commits()}, read before the report), the same SQLite files (size and
 * modification time of the database and its write-ahead log, which another program's commit changes), and the
 * same 5-minute bar of the clock (the bars expected so far grow with it). A PostgreSQL cache is written by other
 * processes the app cannot see, so there a report is reused for 15 seconds at most. Callers that ask while it is
 * being computed wait for that one computation. Blocking: background work only.
 */
public final class SharedFreshness {
    private static final long BAR_SECONDS = 300;
    private static final long SHARED_SERVER_SECONDS = 15;

    private final Supplier<CacheEngine> engine;
    private final Clock clock;
    // Guarded by this: the newest report asked for and what it was read against.
    private Stamp stamp;
    private CompletableFuture<List<Freshness>> report;

    /** What a report was read against: any difference means it may be out of date. */
    private record Stamp(CacheEngine engine, long commits, String files, long clockSlot) {
    }

    public SharedFreshness(Supplier<CacheEngine> engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The freshness of every symbol with data or on the watchlist, in symbol order. */
    public List<Freshness> all() {
        CacheEngine e = engine.get();
        Stamp now = stampOf(e);
        CompletableFuture<List<Freshness>> mine;
        boolean compute;
        synchronized (this) {
            compute = report == null || !now.equals(stamp) || report.isCompletedExceptionally();
            if (compute) {
                stamp = now;
                report = new CompletableFuture<>();
            }
            mine = report;
        }
        if (compute) {
            try {
                mine.complete(List.copyOf(e.freshness().computeAll()));
            } catch (RuntimeException failure) {
                mine.completeExceptionally(failure);
            }
        }
        try {
            return mine.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException r ? r : failure;
        }
    }

    /** {@link #all()} by symbol. */
    public Map<String, Freshness> bySymbol() {
        return all().stream().collect(Collectors.toMap(Freshness::symbol, Function.identity()));
    }

    private Stamp stampOf(CacheEngine e) {
        long commits = e.database().writer().commits();
        long second = clock.instant().getEpochSecond();
        Path file = e.database().file();
        if (file == null) {
            return new Stamp(e, commits, "", second / SHARED_SERVER_SECONDS);
        }
        return new Stamp(e, commits, signature(file) + "|" + signature(file.resolveSibling(file.getFileName()
                + "-wal")), second / BAR_SECONDS);
    }

    private static String signature(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toInstant() : "-";
        } catch (IOException e) {
            // Unknown: a stamp that matches nothing, so the report is computed afresh.
            return "?" + System.nanoTime();
        }
    }
}
