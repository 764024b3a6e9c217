package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WAL lets readers read while the one writer writes; each batch is one transaction, so a reader sees a written
 * range whole or not at all, never part of it. Batches here start mid-month, so that each spans two of the hot
 * cache's month blocks.
 */
class ConcurrentReadTest {
    private static final int SESSIONS_PER_BATCH = 21;
    private static final int BATCHES = 12;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "hot cache bytes = {0}")
    // Off; big enough to hold everything; so small (about three month blocks) that most blocks come from disk.
    @ValueSource(longs = {0, 256L * 1024 * 1024, 512L * 1024})
    // Only a guard against a hang if the reader thread dies without a word; no assertion depends on time.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aReaderDuringALongWriteSeesEachBatchRangeWholeOrAbsent(long cacheBytes) throws Exception {
        List<Session> sessions = TestBars.weekdays(LocalDate.of(2023, 1, 16), SESSIONS_PER_BATCH * BATCHES);
        TradingCalendar calendar = TestBars.calendar(sessions);
        List<List<Session>> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            batches.add(sessions.subList(i * SESSIONS_PER_BATCH, (i + 1) * SESSIONS_PER_BATCH));
        }
        long[] batchStarts = batches.stream().mapToLong(b -> b.get(0).open().getEpochSecond()).toArray();
        Instant from = sessions.get(0).open();
        Instant to = sessions.get(sessions.size() - 1).close();

        try (Database db = TestDatabases.open(dir, "concurrent.db")) {
            BarStore store = new BarStore(db, calendar, cacheBytes, Clock.systemUTC());
            Progress progress = new Progress();
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            CountDownLatch readerStarted = new CountDownLatch(1);
            int[] partialViews = new int[1];

            Thread reader = new Thread(() -> {
                try {
                    readerStarted.countDown();
                    while (!progress.writerDone()) {
                        int[] seen = countPerBatch(store.bars("SPY", from, to), batchStarts);
                        int whole = 0;
                        for (int i = 0; i < BATCHES; i++) {
                            int expected = SESSIONS_PER_BATCH * 78;
                            if (seen[i] != 0 && seen[i] != expected) {
                                throw new AssertionError("batch " + i + " seen with " + seen[i] + " of " + expected
                                        + " bars: " + Arrays.toString(seen));
                            }
                            whole += seen[i] == expected ? 1 : 0;
                        }
                        if (whole > 0 && whole < BATCHES) {
                            partialViews[0]++;
                        }
                        progress.readDone();
                    }
                } catch (Throwable t) {
                    readerFailure.set(t);
                    progress.abort();
                }
            }, "test-reader");
            reader.start();
            readerStarted.await();

            for (int i = 0; i < BATCHES && readerFailure.get() == null; i++) {
                List<Session> b = batches.get(i);
                store.write(TestBars.batch("SPY", b, TestBars.sessions(b, i), List.of(), true));
                // Let the reader finish at least one whole read after this commit before the next write starts,
                // so that reads overlap every write rather than racing past all of them.
                progress.awaitReadsAfter(progress.reads() + 2);
            }
            progress.finishWriting();
            reader.join();

            if (readerFailure.get() != null) {
                fail("the reader saw part of a range", readerFailure.get());
            }
            assertTrue(partialViews[0] > 0, "the reader saw the file while the writer was still writing");
            List<Bar> all = store.bars("SPY", from, to);
            assertEquals(sessions.size() * 78, all.size());
            for (int i = 0; i < BATCHES; i++) {
                List<Session> b = batches.get(i);
                assertEquals(TestBars.sessions(b, i), store.bars("SPY", b.get(0).open(), b.get(b.size() - 1).close()));
            }
        }
    }

    private static int[] countPerBatch(List<Bar> bars, long[] batchStarts) {
        int[] seen = new int[batchStarts.length];
        for (Bar b : bars) {
            int i = Arrays.binarySearch(batchStarts, b.epochSecond());
            seen[i >= 0 ? i : -i - 2]++;
        }
        return seen;
    }

    /** Reads completed by the reader, and whether the writer is done; a monitor, so nobody sleeps. */
    private static final class Progress {
        private long reads;
        private boolean done;

        synchronized long reads() {
            return reads;
        }

        synchronized void readDone() {
            reads++;
            notifyAll();
        }

        synchronized void awaitReadsAfter(long n) throws InterruptedException {
            while (reads < n && !done) {
                wait();
            }
        }

        synchronized boolean writerDone() {
            return done;
        }

        synchronized void finishWriting() {
            done = true;
            notifyAll();
        }

        synchronized void abort() {
            finishWriting();
        }
    }
}
