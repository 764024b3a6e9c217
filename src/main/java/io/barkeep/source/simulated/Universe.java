package io.barkeep.source.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tickers the simulated feed answers for: a fixed, documented list of real US names ({@code universe.txt}
 * beside this class), so a typo or a pasted fragment gets "no such symbol" instead of invented bars.
 */
public final class Universe {
    private static final Set<String> THIN = new TreeSet<>();
    private static final Set<String> TICKERS = load();

    private Universe() {
    }

    /** Whether the feed answers for {@code normalizedSymbol}. */
    public static boolean knows(String normalizedSymbol) {
        return TICKERS.contains(normalizedSymbol);
    }

    /** Whether the list marks {@code normalizedSymbol} as a thinly traded small cap ({@code thin:} lines). */
    public static boolean thin(String normalizedSymbol) {
        return THIN.contains(normalizedSymbol);
    }

    /** How many tickers the feed knows. */
    public static int size() {
        return TICKERS.size();
    }

    /** Every ticker, sorted. */
    public static Set<String> tickers() {
        return TICKERS;
    }

    private static Set<String> load() {
        Set<String> out = new TreeSet<>();
        try (InputStream in = Universe.class.getResourceAsStream("universe.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("thin:")) {
                    List<String> names = java.util.Arrays.asList(line.substring(5).strip().split("\\s+"));
                    THIN.addAll(names);
                    out.addAll(names);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    out.addAll(java.util.Arrays.asList(line.strip().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated feed's universe", e);
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
