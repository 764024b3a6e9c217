package io.barkeep.ui.dashboard;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.VendorErrors;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.freshness.FreshnessLag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the dashboard's numbers from the engine; blocking, so it runs only in background work. */
final class DashboardQuery {
    private final AppServices services;

    DashboardQuery(AppServices services) {
        this.services = services;
    }

    DashboardStats load() throws IOException {
        CacheEngine engine = services.engine();
        Instant now = services.clock().instant();
        List<WatchlistEntry> watchlist = engine.watchlist().list();
        List<Freshness> all = services.freshness().all();
        long bars = all.stream().mapToLong(Freshness::barCount).sum();
        long noTrade = all.stream().mapToLong(Freshness::emptyCount).sum();
        long held = bars + noTrade;
        long expected = all.stream().mapToLong(Freshness::expectedCount).sum();
        long missing = all.stream().mapToLong(DashboardTiles::missing).sum();
        int gaps = all.stream().mapToInt(Freshness::gapCount).sum();
        int cached = (int) all.stream().filter(f -> f.newestBar() != null).count();
        // Freshest and stalest speak of what the updater keeps fresh; an old symbol left off the list is no news.
        Set<String> active = watchlist.stream().filter(WatchlistEntry::active).map(WatchlistEntry::symbol)
                .collect(Collectors.toSet());
        List<Freshness> watched = all.stream().filter(f -> active.contains(f.symbol())).toList();
        List<Freshness> candidates = (watched.isEmpty() ? all : watched).stream()
                .sorted(Comparator.comparingDouble(Freshness::coveragePercent)).toList();
        Freshness freshest = candidates.stream().filter(f -> f.newestBar() != null)
                .max(Comparator.comparing(Freshness::newestBar)).orElse(null);
        Freshness stalest = freshest == null ? null : candidates.stream().min(Comparator.comparing(Freshness::newestBar,
                Comparator.nullsFirst(Comparator.naturalOrder()))).orElse(null);
        Long stalestLag = stalest == null || stalest.newestBar() == null ? null
                : FreshnessLag.reference(engine.bars().calendar(), now).map(r -> FreshnessLag.barsBehind(
                        engine.bars().calendar(), stalest.newestBar(), r.lastClosedBar())).orElse(null);
        Instant lastPass = watchlist.stream().map(WatchlistEntry::lastUpdated).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Path file = engine.database().file();
        // A PostgreSQL cache has no file: its size is the server's count of Barkeep's tables.
        long bytes = file == null ? engine.database().sizeBytes() : databaseBytes(file);
        String name = file == null ? engine.database().name() : file.getFileName().toString();
        return new DashboardStats(watchlist.size(), active.size(), cached, bars, noTrade, missing, bytes, name,
                expected, expected == 0 ? 0 : 100.0 * held / expected, gaps,
                services.nextPass(), lastPass, VendorErrors.lastDay(engine, now).size(), freshest, stalest, candidates, now,
                stalestLag);
    }

    /** The file and its write-ahead log: in WAL mode fresh writes sit in the log until a checkpoint. */
    static long databaseBytes(Path file) throws IOException {
        long size = Files.isRegularFile(file) ? Files.size(file) : 0;
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return size + (Files.isRegularFile(wal) ? Files.size(wal) : 0);
    }
}
