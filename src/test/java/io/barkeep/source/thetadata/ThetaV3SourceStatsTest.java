package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The v3 source records what its requests did, for the vendor health view, against a real local terminal. */
class ThetaV3SourceStatsTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 1, 2);

    @Test
    void answersAndARefusedConnectionAreCounted() throws Exception {
        FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.weekdays(Set.of(), Set.of()));
        ThetaV3Source source = new ThetaV3Source(terminal.root(), 3, Duration.ofSeconds(30), ThetaFormat.CSV);
        source.fetch("AAPL", TUESDAY, TUESDAY);
        RequestStats.Snapshot up = source.requestStats().snapshot();
        assertEquals(1, up.answered());
        assertEquals(3, up.limit());
        assertEquals(0, up.inFlight());
        assertNotNull(up.lastSuccess());

        terminal.close();
        assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));
        RequestStats.Snapshot down = source.requestStats().snapshot();
        assertEquals(Map.of("no terminal", 1), down.errorsByCode());
        assertEquals(RequestStats.State.NOT_ANSWERING, down.changes().get(down.changes().size() - 1).state());
        assertEquals(0, down.inFlight());
    }
}
