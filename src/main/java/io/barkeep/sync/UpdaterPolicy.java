package io.barkeep.sync;

import io.barkeep.sync.UpdaterSchedule.PassKind;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.time.Instant;

/**
 * What the updater does next, for both of its drivers ({@link UpdaterLoop} for {@code barkeep run}, the desktop
 * app's scheduled service): they only run the pass this class plans, at the time it plans it. Pure: the answer
 * depends on the timetable ({@link UpdaterSchedule}), the pass that ended, what it found and the instant given.
 * <ul>
 *   <li>In a session, an update pass after each bar closes; once after the close, the revision pass.</li>
 *   <li>Off hours, backfill: passes follow each other at once while a pass stops at its request budget; a pass
 *       that found nothing left sleeps until the hourly re-check or the end of the window, whichever comes
 *       first (so an idle night or weekend costs one pass an hour, not one a second).</li>
 *   <li>A failed pass is tried again {@link #RETRY_AFTER_FAILURE} later, unless the timetable's next pass comes
 *       first.</li>
 * </ul>
 */
public final class UpdaterPolicy {
    /** A failed pass is tried again this much later. */
    public static final Duration RETRY_AFTER_FAILURE = UpdaterSchedule.RETRY_AFTER_FAILURE;
    /** An idle backfill window looks again this often: answers the vendor gave incompletely are re-asked. */
    public static final Duration RECHECK = Updater.RECHECK_AFTER;

    private final UpdaterSchedule schedule;

    public UpdaterPolicy(UpdaterSchedule schedule) {
        this.schedule = schedule;
    }

    /** The timetable this policy follows. */
    public UpdaterSchedule schedule() {
        return schedule;
    }

    /** The first pass of an updater started at {@code now}: in a backfill window, one right away. */
    public Planned first(Instant now) {
        return schedule.next(now);
    }

    /**
     * The pass after {@code done} ended at {@code now}.
     *
     * @param moreToDo true when a backfill pass stopped at its request budget with holes left
     */
    public Planned afterSuccess(Planned done, boolean moreToDo, Instant now) {
        boolean backfilling = done.kind() == PassKind.BACKFILL && schedule.inBackfillWindow(now);
        if (backfilling && moreToDo) {
            return new Planned(now, PassKind.BACKFILL);
        }
        if (backfilling) {
            return idleUntil(now.plus(RECHECK), now);
        }
        return schedule.next(now);
    }

    /**
     * The pass after {@code failed} failed at {@code now}: the same kind {@link #RETRY_AFTER_FAILURE} later; a
     * backfill whose window ends before then gives way to the timetable's next pass.
     */
    public Planned afterFailure(Planned failed, Instant now) {
        Instant retry = now.plus(RETRY_AFTER_FAILURE);
        if (failed.kind() == PassKind.BACKFILL && !schedule.inBackfillWindow(retry)) {
            return schedule.next(retry);
        }
        return new Planned(retry, failed.kind());
    }

    /** Nothing to backfill: wake at {@code recheck} if the window lasts until then, else at the next pass after it. */
    private Planned idleUntil(Instant recheck, Instant now) {
        Planned afterWindow = schedule.next(schedule.backfillWindowEnd(now));
        if (schedule.inBackfillWindow(recheck) && recheck.isBefore(afterWindow.at())) {
            return new Planned(recheck, PassKind.BACKFILL);
        }
        return afterWindow;
    }
}
