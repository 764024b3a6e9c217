package io.barkeep.ui.health;

import io.barkeep.source.BarSource;
import io.barkeep.source.RequestStats;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The vendor health view's words for its figures, from the view's resource bundle. */
public final class HealthTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ROOT);

    private final ResourceBundle bundle;
    private final ZoneId zone;

    public HealthTexts(ResourceBundle bundle, ZoneId zone) {
        this.bundle = bundle;
        this.zone = zone;
    }

    /** What the source is: a terminal's requests, or plainly the simulated feed. */
    String source(BarSource s) {
        if (s.simulated()) {
            return MessageFormat.format(bundle.getString("health.simulated"), s.name());
        }
        return MessageFormat.format(bundle.getString(s.requestStats() == null ? "health.noStats" : "health.source"),
                s.name());
    }

    String inFlight(RequestStats.Snapshot snap) {
        return snap.limit() == RequestStats.NO_LIMIT
                ? MessageFormat.format(bundle.getString("health.inFlightNoLimit"), snap.inFlight(), snap.peakInFlight())
                : MessageFormat.format(bundle.getString("health.inFlightValue"), snap.inFlight(), snap.limit(),
                snap.peakInFlight());
    }

    String latency(RequestStats.Snapshot snap) {
        return snap.medianMillis() < 0 ? bundle.getString("health.none")
                : MessageFormat.format(bundle.getString("health.latencyValue"), snap.medianMillis(),
                Math.min(snap.answered(), 256));
    }

    String lastSuccess(Instant last, Instant now) {
        return last == null ? bundle.getString("health.never") : time(last) + "  (" + ago(last, now) + ")";
    }

    String state(RequestStats.Change last) {
        return last == null ? bundle.getString("health.unknown")
                : MessageFormat.format(bundle.getString("health.state." + last.state().name()), time(last.at()));
    }

    String change(RequestStats.Change c) {
        String detail = c.detail() == null || c.detail().isEmpty() ? "" : "  \u2014 " + code(c.detail());
        return time(c.at()) + "    " + bundle.getString("health.change." + c.state().name()) + detail;
    }

    String error(String code, int count) {
        return MessageFormat.format(bundle.getString("health.errorLine"), count, code(code));
    }

    String noErrors() {
        return bundle.getString("health.noErrors");
    }

    /** A code's words: the view's for the codes without a status ("timeout"), the status itself otherwise. */
    String code(String code) {
        String key = "health.code." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    private String ago(Instant t, Instant now) {
        long s = Math.max(0, Duration.between(t, now).toSeconds());
        return s < 120 ? MessageFormat.format(bundle.getString("health.secondsAgo"), s)
                : MessageFormat.format(bundle.getString("health.minutesAgo"), s / 60);
    }
}
