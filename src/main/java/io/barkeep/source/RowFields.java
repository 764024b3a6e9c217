package io.barkeep.source;

import io.barkeep.domain.Prices;
import io.barkeep.domain.TerminalText;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads the number fields of one row of bar data, whether from a CSV file or a ThetaData answer (CSV or JSON):
 * prices and whole numbers. A field that cannot be read throws {@link BadRow} with the reason a person reads in
 * the quarantine ({@code bad open 'abc'}, {@code volume not a whole number '1.5'}), quoting at most 60 characters,
 * control characters escaped. Splitting a row into fields is {@link CsvLines}'s.
 */
public final class RowFields {
    /**
     * The longest number field read. The widest real one, a volume or a price with many decimals, has about 20
     * characters; anything longer is not a price and would cost {@link BigDecimal} time that grows with the square
     * of its length (a field of a megabyte: half a minute), so it is refused before it is parsed.
     */
    public static final int MAX_NUMBER_CHARS = 32;
    private static final int QUOTED_TEXT_MAX = 60;
    /**
     * What {@link BigDecimal} accepts, in ASCII: checked first because a refused field is common in a bad file, and
     * the exception BigDecimal throws for it costs more than the rest of the row.
     */
    private static final Pattern PLAIN_NUMBER =
            Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private RowFields() {
    }

    /**
     * The price in {@code text} (decimal dollars, any number of decimals), rounded half-even to ticks.
     *
     * @param name the column, for the reason
     * @param text the field; null or blank is a missing field
     */
    public static Prices.Rounded price(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            return Prices.round(value);
        } catch (ArithmeticException e) {
            throw new BadRow(name + " out of range '" + quote(text) + "'");
        }
    }

    /** How many of {@code prices} were rounded. */
    public static int roundings(Prices.Rounded... prices) {
        int n = 0;
        for (Prices.Rounded price : prices) {
            n += price.rounded() ? 1 : 0;
        }
        return n;
    }

    /** The whole number in {@code text}; {@code 1200.0} is one too, as some vendors write volumes. */
    public static long whole(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadRow(value.stripTrailingZeros().scale() > 0
                    ? name + " not a whole number '" + quote(text) + "'"
                    : name + " out of range '" + quote(text) + "'");
        }
    }

    private static BigDecimal decimal(String name, String text) throws BadRow {
        if (text == null || text.isBlank()) {
            throw new BadRow("missing " + name);
        }
        String number = text.strip();
        checkPlainNumber(name, number);
        BigDecimal value;
        if (!PLAIN_NUMBER.matcher(number).matches()) {
            throw new BadRow("bad " + name + " '" + quote(text) + "'");
        }
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new BadRow("bad " + name + " '" + quote(text) + "'");
        }
        // an exponent like 1e999999999 would make rounding allocate without end
        if (value.scale() > 100 || value.precision() - value.scale() > 30) {
            throw new BadRow(name + " out of range '" + quote(text) + "'");
        }
        return value;
    }

    /**
     * Refuses, before any parsing, a number too long to be a price or a volume, and one written with other than
     * ASCII characters: {@link BigDecimal} reads fullwidth or Arabic-Indic digits as digits, and a price the user
     * cannot read as one must not be stored as one.
     */
    private static void checkPlainNumber(String name, String number) throws BadRow {
        if (number.length() > MAX_NUMBER_CHARS) {
            throw new BadRow(name + " too long (" + number.length() + " characters, a number has at most "
                    + MAX_NUMBER_CHARS + ") '" + quote(number) + "'");
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c > 0x7F) {
                throw new BadRow("bad " + name + " '" + quote(number) + "': non-ASCII character "
                        + String.format("U+%04X", (int) c) + " (only the digits 0-9 are read)");
            }
        }
    }

    /** {@code text} cut to 60 characters, control characters escaped, for a reason or a message. */
    public static String quote(String text) {
        String cut = text.length() <= QUOTED_TEXT_MAX ? text : text.substring(0, QUOTED_TEXT_MAX) + "...";
        return TerminalText.escape(cut);
    }

    /** A row that cannot be read; the message is the reason. No stack trace: it is an expected outcome. */
    public static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;

        public BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
