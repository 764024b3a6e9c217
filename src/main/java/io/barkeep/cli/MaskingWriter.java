package io.barkeep.cli;

import io.barkeep.domain.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints, line by line through {@link Secrets#mask}: a password in a terminal URL never
 * reaches the screen, whichever command or message carries it. Whole lines are masked, so a URL printed in pieces
 * is still caught.
 */
final class MaskingWriter extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    private MaskingWriter(Writer out) {
        this.out = out;
    }

    /** {@code out} behind the mask, flushing at each line as the given writers do. */
    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new MaskingWriter(out), true);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.append(chars[i]);
            if (chars[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        out.write(Secrets.mask(line.toString()));
        line.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        if (line.length() > 0) {
            emit();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
