package io.barkeep.store;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer process {@link KilledWriterTest} kills: writes big batches back to back, from the batch named on the
 * command line on, and prints {@code COMMITTED n} after each batch has committed.
 */
final class KilledWriterChild {
    static final String SYMBOL = "SPY";
    static final int SESSIONS_PER_BATCH = 42;
    static final int BATCHES = 40;

    private KilledWriterChild() {
    }

    static List<Session> sessions() {
        return TestBars.weekdays(LocalDate.of(2016, 1, 4), SESSIONS_PER_BATCH * BATCHES);
    }

    static TradingCalendar calendar() {
        return TestBars.calendar(sessions());
    }

    static List<List<Session>> batches() {
        List<Session> all = sessions();
        List<List<Session>> out = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            out.add(all.subList(i * SESSIONS_PER_BATCH, (i + 1) * SESSIONS_PER_BATCH));
        }
        return out;
    }

    static BarBatch batch(int i) {
        List<Session> b = batches().get(i);
        return TestBars.batch(SYMBOL, b, TestBars.sessions(b, i), List.of(), true);
    }

    /** Arguments: the database (a file or a PostgreSQL URL, as {@code --db} takes it), the first batch to write. */
    public static void main(String[] args) {
        DbLocation location = DbLocation.parse(args[0]);
        int first = Integer.parseInt(args[1]);
        try (Database db = Database.open(location)) {
            BarStore store = new BarStore(db, calendar(), 0, Clock.systemUTC());
            for (int i = first; i < BATCHES; i++) {
                store.write(batch(i));
                System.out.println("COMMITTED " + i);
                System.out.flush();
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }
}
