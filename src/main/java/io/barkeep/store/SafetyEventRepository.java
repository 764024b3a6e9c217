package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SAFETY_EVENTS;

import io.barkeep.domain.SafetyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code safety_events} log: every failure, with symbol, range, source and reason. */
public final class SafetyEventRepository {
    private final Database db;

    public SafetyEventRepository(Database db) {
        this.db = db;
    }

    public void record(SafetyEvent e) {
        db.writer().run(dsl -> dsl.insertInto(SAFETY_EVENTS, SAFETY_EVENTS.AT, SAFETY_EVENTS.KIND,
                        SAFETY_EVENTS.SYMBOL, SAFETY_EVENTS.SOURCE, SAFETY_EVENTS.RANGE_FROM, SAFETY_EVENTS.RANGE_TO,
                        SAFETY_EVENTS.MESSAGE)
                .values(e.at().getEpochSecond(), e.kind(), e.symbol(), e.source(), epoch(e.rangeFrom()),
                        epoch(e.rangeTo()), e.message())
                .execute());
    }

    /** The newest {@code limit} events since {@code since}, newest first. */
    public List<SafetyEvent> since(Instant since, int limit) {
        return db.read(dsl -> dsl.selectFrom(SAFETY_EVENTS).where(SAFETY_EVENTS.AT.ge(since.getEpochSecond()))
                .orderBy(SAFETY_EVENTS.AT.desc(), SAFETY_EVENTS.ID.desc()).limit(limit)
                .fetch(r -> new SafetyEvent(Instant.ofEpochSecond(r.getAt()), r.getKind(), r.getSymbol(),
                        r.getSource(), instant(r.getRangeFrom()), instant(r.getRangeTo()), r.getMessage())));
    }

    /** The newest event about the whole of {@code source} (no symbol) of one of {@code kinds}, if any. */
    public Optional<SafetyEvent> latestOfSource(String source, String... kinds) {
        return db.read(dsl -> dsl.selectFrom(SAFETY_EVENTS).where(SAFETY_EVENTS.KIND.in(kinds))
                .and(SAFETY_EVENTS.SOURCE.eq(source)).and(SAFETY_EVENTS.SYMBOL.isNull())
                .orderBy(SAFETY_EVENTS.AT.desc(), SAFETY_EVENTS.ID.desc())
                .limit(1).fetchOptional(r -> new SafetyEvent(Instant.ofEpochSecond(r.getAt()), r.getKind(),
                        r.getSymbol(), r.getSource(), instant(r.getRangeFrom()), instant(r.getRangeTo()),
                        r.getMessage())));
    }

    private static Long epoch(Instant i) {
        return i == null ? null : i.getEpochSecond();
    }

    private static Instant instant(Long s) {
        return s == null ? null : Instant.ofEpochSecond(s);
    }
}
