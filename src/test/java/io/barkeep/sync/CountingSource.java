package io.barkeep.sync;

import io.barkeep.source.BarSource;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real source wrapped to count the requests made of it. */
final class CountingSource implements BarSource {
    private final BarSource inner;
    final List<FetchRequest> requests = new CopyOnWriteArrayList<>();

    CountingSource(BarSource inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean simulated() {
        return inner.simulated();
    }

    @Override
    public void checkReady() throws SourceException {
        inner.checkReady();
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        requests.add(new FetchRequest(symbol, from, to));
        return inner.fetch(symbol, from, to);
    }
}
