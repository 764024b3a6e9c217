package io.barkeep.cli;

import io.barkeep.store.CacheEngine;
import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Updater;
import io.barkeep.sync.UpdaterLoop;
import io.barkeep.sync.UpdaterSchedule;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the updater in the foreground until interrupted, for a headless machine. */
@Command(name = "run", description = "Run the updater in the foreground until interrupted (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (MarketData data = engine.openData();
             UpdaterLock lock = UpdaterLock.tryAcquire(data.engine().database(), UpdaterLock.thisHost(),
                     data.engine().clock().instant()).orElseThrow(() -> new UserError(
                             UpdaterLock.holder(data.engine().database()).map(h -> h.describe(Output::localTime)
                                     + " New York: one updater per shared cache")
                                     .orElse("another updater holds this shared cache")))) {
            CacheEngine e = data.engine();
            Updater updater = new Updater(data, engine.settings().retainDays(), engine.settings().backupKeep())
                    .withActions(ActionSyncs.open(engine, e));
            UpdaterSchedule schedule = new UpdaterSchedule(e.bars().calendar(),
                    Duration.ofSeconds(engine.settings().vendorDelaySeconds()));
            CountDownLatch stopped = new CountDownLatch(1);
            try (UpdaterLoop loop = new UpdaterLoop(updater, schedule, e.clock(), new Printer(out))) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                out.println("updater running on " + engine.sourceName() + " into " + e.database().name()
                        + "; Ctrl-C stops it");
                loop.start();
                stopped.await();
            }
        }
        return 0;
    }

    /**
     * One line per pass: what the pass did and when the next one runs (the loop tells the two apart, in that
     * order); before the first pass, one line saying when it runs.
     */
    static final class Printer implements UpdaterLoop.Listener {
        private final PrintWriter out;
        private String done = "";

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void planned(UpdaterSchedule.Planned next) {
            String when = next.kind().name().toLowerCase() + " pass at " + Output.localTime(next.at()) + " New York";
            out.println(done.isEmpty() ? "first " + when : done + "; next " + when);
            done = "";
        }

        @Override
        public synchronized void finished(Updater.PassResult result) {
            done = Output.localTime(java.time.Instant.now()) + " " + result.kind().name().toLowerCase() + " pass: "
                    + SyncReport.summary(result.sync());
        }

        @Override
        public synchronized void failed(UpdaterSchedule.PassKind kind, String message, Instant retryAt) {
            done = Output.localTime(java.time.Instant.now()) + " " + kind.name().toLowerCase() + " pass failed: "
                    + message;
        }
    }
}
