package io.barkeep.sync;

import java.time.LocalDate;

/** One vendor request: the 5-minute bars of one symbol for the New York dates from..to, inclusive. */
public record FetchRequest(String symbol, LocalDate from, LocalDate to) {

    public boolean singleDay() {
        return from.equals(to);
    }

    @Override
    public String toString() {
        return symbol + " " + (singleDay() ? from.toString() : from + ".." + to);
    }
}
