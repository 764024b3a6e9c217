package io.barkeep.cli.bench;

import io.barkeep.store.AnswerStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.JdbcFloor;
import io.barkeep.store.VendorAnswer;
import java.util.List;

/**
 * The insert figure beside its floor: every symbol's bars month by month through the sync path's store operation
 * (one vendor answer per month: checks, revision read, bars, ledger, split check, all as the sync stores them) and
 * through the plain JDBC loop ({@link JdbcFloor}) into a fresh file of the same schema, in the same run.
 */
final class WriteRace {
    private final BenchWorkload workload;
    private final int symbols;

    WriteRace(BenchWorkload workload, int symbols) {
        this.workload = workload;
        this.symbols = symbols;
    }

    /**
     * Runs the race, alternating month by month (and which goes first) so that both meet the same machine load: on
     * a shared two-core machine the load changes within seconds. Returns {sync path nanos, floor nanos}; building
     * the answers is not counted.
     */
    long[] run(CacheEngine engine, DbLocation floorFile) {
        long[] nanos = new long[2];
        AnswerStore answers = new AnswerStore(engine);
        try (JdbcFloor floor = JdbcFloor.create(floorFile)) {
            for (int i = 0; i < symbols; i++) {
                List<VendorAnswer> months = workload.monthlyAnswers(BenchWorkload.symbol(i), workload.bars(i));
                for (int m = 0; m < months.size(); m++) {
                    VendorAnswer month = months.get(m);
                    for (int pass = 0; pass < 2; pass++) {
                        boolean syncPath = (pass + m) % 2 == 0;
                        long t0 = System.nanoTime();
                        if (syncPath) {
                            answers.store(month);
                        } else {
                            floor.upsert(i + 1, month.bars());
                        }
                        nanos[syncPath ? 0 : 1] += System.nanoTime() - t0;
                    }
                }
            }
        }
        return nanos;
    }
}
