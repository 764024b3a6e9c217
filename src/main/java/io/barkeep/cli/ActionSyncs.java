package io.barkeep.cli;

import io.barkeep.store.CacheEngine;
import io.barkeep.sync.ActionSync;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/** Fetching actions from the commands that fetch bars: the action source that goes with the bar source. */
final class ActionSyncs {
    private ActionSyncs() {
    }

    static ActionSync open(EngineOptions options, CacheEngine engine) {
        return new ActionSync(engine, ActionSync.forSource(options.sourceName(), options.thetaV2Url(),
                engine.bars().calendar(), engine.clock()));
    }

    /** Refreshes the actions of {@code symbols}; prints one line per failure on {@code err}. */
    static ActionSync.Result refresh(EngineOptions options, CacheEngine engine, List<String> symbols, LocalDate from,
                                     LocalDate to, PrintWriter err) {
        ActionSync.Result r = open(options, engine).refresh(symbols, from, to);
        r.failures().forEach(err::println);
        return r;
    }
}
