package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.sync.Settings;
import io.barkeep.ui.common.SameThreadUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished backfill job says what it filled and what it left, in the history and in the events. */
class JobHistoryTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    Path folder;
    private AppServices services;

    @BeforeEach
    void open() {
        services = new AppServices(folder, Settings.defaults(), new SameThreadUiExecutor(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aFinishedJobIsInTheHistoryAndInTheEventsWithWhatItLeftUnfilled() {
        LocalDate from = LocalDate.of(2024, 1, 2);
        LocalDate to = LocalDate.of(2024, 3, 15);
        services.backfill("Backfilling AAPL MSFT", List.of("AAPL", "MSFT"), from, to).join();
        services.backfill("Backfilling AAPL MSFT again", List.of("AAPL", "MSFT"), from, to).join();

        List<JobHistory.Entry> jobs = services.history().entries();
        assertEquals(2, jobs.size());
        JobHistory.Entry first = jobs.get(1);
        // The demo feed drops stretches from bulk answers: the first pass leaves sessions short, the second fills.
        assertTrue(first.unfilled().sessions() > 0, first.text());
        assertTrue(first.text().matches("Backfill: [\\d,]+ bars filled, \\d+ sessions? still incomplete "
                + "\\(\\d+ bars?\\); see gaps \u2014 AAPL MSFT 2024-01-02\\.\\.2024-03-15"), first.text());
        assertTrue(jobs.get(0).text().contains("nothing left unfilled"), jobs.get(0).text());
        assertEquals(jobs.get(0), services.history().lastProperty().get());

        List<SafetyEvent> events = services.engine().events().since(Instant.EPOCH, 10);
        assertEquals(List.of(JobHistory.DONE, JobHistory.INCOMPLETE), events.stream()
                .filter(e -> e.kind().startsWith("backfill_")).map(SafetyEvent::kind).toList());
    }
}
