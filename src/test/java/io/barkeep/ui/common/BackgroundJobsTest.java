package io.barkeep.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job queue's cancels: the running job's token wakes it; cancel-all also drops the jobs still waiting. */
class BackgroundJobsTest {
    private final PoolUiExecutor ui = new PoolUiExecutor();
    private final BackgroundJobs jobs = new BackgroundJobs(ui);
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger laterJobsRun = new AtomicInteger();

    @AfterEach
    void close() {
        ui.close();
    }

    /** A job that waits (up to an hour) until its token is cancelled, and says whether it was. */
    private CompletableFuture<Boolean> waitingJob() {
        return jobs.submit("waits", (progress, cancel) -> {
            started.countDown();
            return !cancel.sleep(Duration.ofHours(1));
        });
    }

    private CompletableFuture<String> laterJob() {
        return jobs.submit("later", (progress, cancel) -> {
            laterJobsRun.incrementAndGet();
            return "ran";
        });
    }

    @Test
    void cancelStopsTheRunningJobAndTheQueuedOnesRun() throws Exception {
        CompletableFuture<Boolean> first = waitingJob();
        CompletableFuture<String> second = laterJob();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals(1, jobs.queuedProperty().get());

        jobs.cancel();

        assertTrue(first.get(30, TimeUnit.SECONDS), "the running job saw its cancel");
        assertEquals("ran", second.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cancelAllAlsoDropsEveryQueuedJobUnrun() throws Exception {
        CompletableFuture<Boolean> first = waitingJob();
        CompletableFuture<String> second = laterJob();
        CompletableFuture<String> third = laterJob();
        assertTrue(started.await(30, TimeUnit.SECONDS));

        jobs.cancelAll();

        assertTrue(first.get(30, TimeUnit.SECONDS), "the running job saw its cancel");
        for (CompletableFuture<String> dropped : java.util.List.of(second, third)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> dropped.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancellationException, e.toString());
        }
        assertEquals(0, laterJobsRun.get(), "no queued job ran");
        assertEquals(0, jobs.queuedProperty().get());
        assertFalse(jobs.runningProperty().get());
        assertEquals("ran", laterJob().get(30, TimeUnit.SECONDS), "a job queued after the cancel runs");
    }
}
