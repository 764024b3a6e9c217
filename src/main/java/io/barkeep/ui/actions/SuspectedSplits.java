package io.barkeep.ui.actions;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.Session;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import io.barkeep.store.CacheEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Add this split": turns a suspected split (a jump no known action explains) into a stored split, source
 * {@code manual}, as the chart's badge and the Events view offer it. Blocking: background work only. Storing it
 * drops the symbol from the hot cache, so the next read is adjusted.
 */
public final class SuspectedSplits {
    /** Sessions looked back for the close before a suspected split's date (a long weekend, a halt). */
    private static final int LOOK_BACK_DAYS = 10;

    private SuspectedSplits() {
    }

    /** Stores the split {@code s} suspects. */
    public static CorporateAction add(CacheEngine engine, SuspectedSplit s, Clock clock) {
        CorporateAction a = CorporateAction.split(s.symbol(), s.date(), s.splitNew(), s.splitOld(), "manual",
                clock.instant());
        engine.actions().store(List.of(a));
        return a;
    }

    /**
     * What the bars held say about {@code date} of {@code symbol} now (a {@code suspected_split} event names only
     * the symbol and the date): the suspicion, or empty when the jump is explained by a known split already or
     * its bars are gone.
     */
    public static Optional<SuspectedSplit> on(CacheEngine engine, String symbol, LocalDate date) {
        return engine.adjusted().suspectedSplits(symbol,
                        date.minusDays(LOOK_BACK_DAYS).atStartOfDay(Session.NEW_YORK).toInstant(),
                        date.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant()).stream()
                .filter(s -> s.date().equals(date)).findFirst();
    }
}
