package io.barkeep.ui.settings;

import io.barkeep.store.DbLocation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the settings form's texts into {@link Settings}, or says in plain words what is wrong with them. Pure:
 * no toolkit, no disk writes (it only looks whether a database's folder exists).
 */
final class SettingsForm {
    /** ThetaData account tiers and the requests in flight each allows. */
    enum Tier {
        FREE(1), VALUE(2), STANDARD(4), PRO(8);

        final int concurrency;

        Tier(int concurrency) {
            this.concurrency = concurrency;
        }

        /** How the form shows it, e.g. {@code VALUE (2)}; typing the name alone also works. */
        String label() {
            return name() + " (" + concurrency + ")";
        }
    }

    static final int MAX_CONCURRENCY = 32;
    static final int MAX_DELAY_SECONDS = 900;
    static final int MAX_RETAIN_DAYS = 36_500;
    static final int MAX_BACKUPS = 365;
    private static final Pattern TIER = Pattern.compile("([A-Za-z]+)\\s*(\\(\\s*\\d+\\s*\\))?");

    /** What came out of the form: settings when every field reads, else the problems, one per line. */
    record Result(Settings settings, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final ResourceBundle text;

    SettingsForm(ResourceBundle text) {
        this.text = text;
    }

    /** The concurrency as the form shows it: a tier's label when the number is a tier's. */
    static String concurrencyText(int n) {
        for (Tier t : Tier.values()) {
            if (t.concurrency == n) {
                return t.label();
            }
        }
        return Integer.toString(n);
    }

    /**
     * @param base the settings being edited: fields the form does not show (the hot cache's size) keep its values
     */
    Result read(Settings base, String source, String url, String v2Url, String concurrency, String delay,
                String database, String retain, String backups) {
        List<String> problems = new ArrayList<>();
        if (source == null || !Sources.NAMES.contains(source)) {
            problems.add(message("problem.source", String.join(", ", Sources.NAMES)));
        }
        String theUrl = blankToNull(url);
        if (theUrl != null && !validUrl(theUrl)) {
            problems.add(message("problem.url", theUrl));
        }
        String theV2Url = blankToNull(v2Url);
        if (theV2Url != null && !validUrl(theV2Url)) {
            problems.add(message("problem.v2Url", theV2Url));
        }
        Integer threads = concurrency(concurrency);
        if (threads == null) {
            problems.add(message("problem.concurrency", MAX_CONCURRENCY));
        }
        Integer seconds = whole(delay, 1, MAX_DELAY_SECONDS, "problem.delay", problems);
        String path = blankToNull(database);
        if (path != null) {
            String problem = databaseProblem(path);
            if (problem != null) {
                problems.add(problem);
            }
        }
        Integer days = whole(retain, 1, MAX_RETAIN_DAYS, "problem.retain", problems);
        Integer keep = whole(backups, 1, MAX_BACKUPS, "problem.backups", problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Settings(source, theUrl, threads, seconds, path, days, keep, base.cacheMb(), theV2Url),
                List.of());
    }

    /** A tier name (FREE, VALUE, STANDARD, PRO, with or without its number) or a whole number; null if neither. */
    static Integer concurrency(String value) {
        String v = value == null ? "" : value.strip();
        Matcher m = TIER.matcher(v);
        if (m.matches()) {
            try {
                return Tier.valueOf(m.group(1).toUpperCase(Locale.ROOT)).concurrency;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        try {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= MAX_CONCURRENCY ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String databaseProblem(String value) {
        if (DbLocation.isPostgres(value)) {
            try {
                DbLocation.parse(value);
                return null;
            } catch (IllegalArgumentException e) {
                return message("problem.dbUrl", e.getMessage());
            }
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return message("problem.dbInvalid", value);
        }
        if (!path.isAbsolute()) {
            return message("problem.dbRelative", value);
        }
        if (Files.isDirectory(path)) {
            return message("problem.dbFolder", value);
        }
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return message("problem.dbNoFolder", folder == null ? value : folder.toString());
        }
        return null;
    }

    private Integer whole(String value, int min, int max, String key, List<String> problems) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        problems.add(message(key, min, max));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String message(String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.US).format(args);
    }
}
