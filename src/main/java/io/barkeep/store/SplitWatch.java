package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SAFETY_EVENTS;

import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.SplitDetector;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after every bar write: the written bars with the bar just before and just after them go through
 * {@link SplitDetector}; each new suspicion becomes one {@value #KIND} safety event (never twice for the same
 * symbol and date). Nothing is adjusted: the user adds the split if it is one.
 */
public final class SplitWatch {
    /** The safety event kind of a suspected split. */
    public static final String KIND = "suspected_split";
    private static final Logger LOG = LoggerFactory.getLogger(SplitWatch.class);

    private final Database db;
    private final ActionRepository actions;
    private final SafetyEventRepository events;
    private final Clock clock;

    public SplitWatch(Database db, ActionRepository actions, SafetyEventRepository events, Clock clock) {
        this.db = db;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks the overnight moves of a committed write; never fails the write.
     *
     * @param sequence the written bars, oldest first, between the stored bar just before them and the one just
     *                 after them (read in the write's transaction, see {@link BarWriter#withNeighbours})
     */
    public void afterWrite(String symbol, List<Bar> sequence) {
        if (sequence.size() < 2) {
            return;
        }
        try {
            // Nearly every write has no jump at all: the known splits are read only when there is one to weigh.
            List<SuspectedSplit> suspects = SplitDetector.scan(symbol, sequence, Set.of());
            if (suspects.isEmpty()) {
                return;
            }
            Set<LocalDate> known = actions.of(symbol).stream().filter(CorporateAction::isSplit)
                    .map(CorporateAction::exDate).collect(Collectors.toSet());
            for (SuspectedSplit s : SplitDetector.scan(symbol, sequence, known)) {
                Instant on = s.date().atStartOfDay(Session.NEW_YORK).toInstant();
                if (!alreadyRaised(s.symbol(), on)) {
                    events.record(new SafetyEvent(clock.instant(), KIND, s.symbol(), null, on, on, s.message()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("split check after writing {} failed: {}", symbol, e.toString());
        }
    }

    private boolean alreadyRaised(String symbol, Instant on) {
        return db.read(dsl -> dsl.fetchExists(SAFETY_EVENTS, SAFETY_EVENTS.KIND.eq(KIND)
                .and(SAFETY_EVENTS.SYMBOL.eq(symbol)).and(SAFETY_EVENTS.RANGE_FROM.eq(on.getEpochSecond()))));
    }
}
