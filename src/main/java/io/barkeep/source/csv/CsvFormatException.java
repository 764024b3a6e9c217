package io.barkeep.source.csv;

import java.io.IOException;

/** A CSV file that cannot be read at all (no header, or a header without the needed columns). */
public class CsvFormatException extends IOException {

    /** @param message one line naming what is wrong and what was expected */
    public CsvFormatException(String message) {
        super(message);
    }
}
