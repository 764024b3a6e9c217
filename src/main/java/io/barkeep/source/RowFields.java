package io.barkeep.source;

import io.barkeep.domain.Prices;
import java.math.BigDecimal;

/**
 * Reads the fields of one row of vendor data (a CSV file, a ThetaData answer): comma-separated fields, prices,
 * whole numbers. A field that cannot be read throws {@link BadRow} with the reason a person reads in the
 * quarantine ({@code bad open 'abc'}, {@code volume not a whole number '1.5'}), quoting at most 60 characters.
 */
public final class RowFields {
    private static final int QUOTED_TEXT_MAX = 60;

    private RowFields() {
    }

    /** Splits on commas, trimming each field and dropping one pair of surrounding double quotes. */
    public static String[] splitCsv(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"') {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
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
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRow("bad " + name + " '" + quote(text) + "'");
        }
        // an exponent like 1e999999999 would make rounding allocate without end
        if (value.scale() > 100 || value.precision() - value.scale() > 30) {
            throw new BadRow(name + " out of range '" + quote(text) + "'");
        }
        return value;
    }

    /** {@code text} cut to 60 characters, for a reason or a message. */
    public static String quote(String text) {
        return text.length() <= QUOTED_TEXT_MAX ? text : text.substring(0, QUOTED_TEXT_MAX) + "...";
    }

    /** A row that cannot be read; the message is the reason. No stack trace: it is an expected outcome. */
    public static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;

        public BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
