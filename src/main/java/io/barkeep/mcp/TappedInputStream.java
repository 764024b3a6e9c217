package io.barkeep.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The stdio server's input, one newline-delimited JSON-RPC message at a time through a {@link RequestTap}. */
final class TappedInputStream extends InputStream {
    private final InputStream in;
    private final RequestTap tap;
    private byte[] line = new byte[0];
    private int pos;
    private boolean ended;
    private final Runnable onEnd;

    /** @param onEnd runs when the input ends (the client closed it): the server then stops */
    TappedInputStream(InputStream in, RequestTap tap, Runnable onEnd) {
        this.in = in;
        this.tap = tap;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return line.length - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next whole line when the current one is used up; false at the end of input. */
    private boolean fill() throws IOException {
        while (pos >= line.length) {
            if (!next()) {
                return false;
            }
        }
        return true;
    }

    /** Reads one line through the tap; false at the end of input. A dropped line leaves nothing to read. */
    private boolean next() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            buffer.write(c);
            if (c == '\n') {
                break;
            }
        }
        if (buffer.size() == 0 || ended) {
            ended = true;
            onEnd.run();
            return false;
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        boolean newline = text.endsWith("\n");
        String body = newline ? text.substring(0, text.length() - 1) : text;
        String passed = body.isBlank() ? null : tap.pass(null, body.strip());
        line = passed == null ? new byte[0] : (passed + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        if (!newline) {
            ended = true;
        }
        return true;
    }
}
