package io.barkeep.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process for {@link IntegrityGateTest}: opens the database, writes one session of bars, prints
 * {@code OPEN}, then holds the file until its standard input says {@code close} (a clean close) or ends (it is
 * killed first by the test for an unclean one).
 */
final class HoldOpenChild {
    private HoldOpenChild() {
    }

    /** Arguments: the database file. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Database db = Database.open(file);
        new BarStore(db, IntegrityGateTest.CALENDAR, 0, Clock.systemUTC())
                .write(BarBatch.of("AAPL", TestBars.session(IntegrityGateTest.TUE, 2)));
        System.out.println("OPEN " + db.integrityCheckedBecause().orElse("skipped"));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if ("close".equals(line)) {
            db.close();
            System.out.println("CLOSED");
            System.out.flush();
        }
    }
}
