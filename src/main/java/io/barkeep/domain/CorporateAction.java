package io.barkeep.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A split or cash dividend of one symbol. Bars are stored as traded; reads adjust with these ({@link PriceAdjuster}).
 *
 * @param exDate         the first session traded on the new basis
 * @param splitNew       new shares of a split (10 in a 10:1 split, 1 in a 1:10 reverse split); 0 for a dividend
 * @param splitOld       old shares of a split; 0 for a dividend
 * @param dividendMicros the cash dividend per share in micro-dollars (1e-6); 0 for a split
 * @param source         where it came from: {@code thetadata}, {@code csv}, {@code manual} or {@code demo}
 * @param learntAt       when Barkeep first stored it (or stored its correction)
 */
public record CorporateAction(String symbol, LocalDate exDate, Kind kind, int splitNew, int splitOld,
                              long dividendMicros, String source, Instant learntAt) {
    /** Where actions come from. */
    public static final List<String> SOURCES = List.of("thetadata", "csv", "manual", "demo");
    /** Micro-dollars per dollar: dividends are kept to six decimals. */
    public static final int DIVIDEND_DIGITS = 6;

    /** A split or a cash dividend. */
    public enum Kind {
        SPLIT, DIVIDEND;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.label().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind must be split or dividend, got '" + text + "'");
        }
    }

    public CorporateAction {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(kind, "kind");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown action source '" + source + "'");
        }
        if (kind == Kind.SPLIT && (splitNew < 1 || splitOld < 1 || splitNew == splitOld || dividendMicros != 0)) {
            throw new IllegalArgumentException("a split needs two different positive share counts, got "
                    + splitNew + ":" + splitOld);
        }
        if (kind == Kind.DIVIDEND && (dividendMicros <= 0 || splitNew != 0 || splitOld != 0)) {
            throw new IllegalArgumentException("a dividend needs a positive amount");
        }
    }

    public static CorporateAction split(String symbol, LocalDate exDate, int splitNew, int splitOld, String source,
                                        Instant learntAt) {
        return new CorporateAction(symbol, exDate, Kind.SPLIT, splitNew, splitOld, 0, source, learntAt);
    }

    public static CorporateAction dividend(String symbol, LocalDate exDate, BigDecimal amount, String source,
                                           Instant learntAt) {
        return new CorporateAction(symbol, exDate, Kind.DIVIDEND, 0, 0, micros(amount), source, learntAt);
    }

    /**
     * {@code amount} in micro-dollars.
     *
     * @throws IllegalArgumentException when it has more than six decimals or is not positive
     */
    public static long micros(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a dividend must be positive, got " + amount.toPlainString());
        }
        try {
            return amount.setScale(DIVIDEND_DIGITS, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a dividend is kept to six decimals, got " + amount.toPlainString());
        }
    }

    public boolean isSplit() {
        return kind == Kind.SPLIT;
    }

    public BigDecimal dividendAmount() {
        return BigDecimal.valueOf(dividendMicros, DIVIDEND_DIGITS).stripTrailingZeros();
    }

    /** {@code 10:1} for a split, the plain amount ({@code 0.24}) for a dividend. */
    public String value() {
        return isSplit() ? splitNew + ":" + splitOld : dividendAmount().toPlainString();
    }

    /** Same symbol, date and kind: the same action, whatever its numbers say. */
    public boolean sameKey(CorporateAction other) {
        return symbol.equals(other.symbol) && exDate.equals(other.exDate) && kind == other.kind;
    }

    /** Same key and same numbers: storing it again changes nothing. */
    public boolean sameFacts(CorporateAction other) {
        return sameKey(other) && splitNew == other.splitNew && splitOld == other.splitOld
                && dividendMicros == other.dividendMicros;
    }

    /** {@code NVDA 2024-06-10 10:1 split} or {@code AAPL 2024-05-10 dividend 0.25}, for messages. */
    public String describe() {
        return symbol + " " + exDate + (isSplit() ? " " + value() + " split" : " dividend " + value());
    }
}
