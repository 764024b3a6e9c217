package io.barkeep.source.thetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP/1.1 server on 127.0.0.1 (plain sockets, so it sees exactly when the client lets go) standing in for
 * a Theta Terminal that misbehaves on history requests: it never answers, sends a body that never ends, or sends
 * a huge one. The status check ({@code /v3/terminal/mdds/status}) answers {@code CONNECTED} normally. It records
 * when a history request arrived, when the client closed that connection, and how many body bytes it sent.
 */
public final class StallingTerminal implements AutoCloseable {
    /** How history requests are (not) answered. */
    public enum Mode {
        /** Headers never come. */
        SILENT,
        /** 200 with a chunked CSV body that goes on forever, a row every few milliseconds. */
        ENDLESS_BODY,
        /** 200 announcing 1 GB and sending it as fast as the client reads. */
        HUGE_BODY
    }

    private static final byte[] ROW = "2024-03-11T09:30:00.000,100.0,101.0,99.0,100.5,1000,10,100.2\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Mode mode;
    private final ServerSocket server;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closedByClient = new CountDownLatch(1);
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicInteger historyRequests = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private StallingTerminal(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(this::accept, "stalling-terminal-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public static StallingTerminal start(Mode mode) {
        try {
            return new StallingTerminal(mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Waits until a history request has arrived; false when none came within {@code guard}. */
    public boolean awaitHistoryRequest(Duration guard) throws InterruptedException {
        return requested.await(guard.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the client closed a connection it had asked for history on; false when not within {@code guard}. */
    public boolean awaitClosedByClient(Duration guard) throws InterruptedException {
        return closedByClient.await(guard.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Body bytes sent in answer to history requests (huge and endless modes). */
    public long bodyBytesSent() {
        return bodyBytes.get();
    }

    public int historyRequests() {
        return historyRequests.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "stalling-terminal-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (head.startsWith("GET /v3/terminal/mdds/status")) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nCONNECTED")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                historyRequests.incrementAndGet();
                requested.countDown();
                switch (mode) {
                    case SILENT -> waitForClientToLeave(in);
                    case ENDLESS_BODY -> endless(out);
                    case HUGE_BODY -> huge(out);
                    default -> throw new IllegalStateException(mode.name());
                }
                closedByClient.countDown();
                return;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void waitForClientToLeave(InputStream in) {
        try {
            while (in.read() >= 0) {
                // a client never sends a body with a GET: anything read is ignored
            }
        } catch (IOException e) {
            // a reset: gone too
        }
    }

    private void endless(OutputStream out) {
        try {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            while (!closed) {
                out.write((Integer.toHexString(ROW.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(ROW);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                bodyBytes.addAndGet(ROW.length);
                Thread.sleep(5);
            }
        } catch (IOException e) {
            // the client closed the connection: what this mode waits for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void huge(OutputStream out) {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = ROW[i % ROW.length];
        }
        try {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + (1L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < (1L << 30) && !closed; sent += block.length) {
                out.write(block);
                bodyBytes.addAndGet(block.length);
            }
        } catch (IOException e) {
            // the client closed the connection: what this mode waits for
        }
    }

    /** The request line and headers, or null when the client closed the connection first. */
    private static String readHead(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        int n = 0;
        while (n < buf.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buf[n++] = (byte) b;
            if (n >= 4 && buf[n - 4] == '\r' && buf[n - 3] == '\n' && buf[n - 2] == '\r' && buf[n - 1] == '\n') {
                return new String(Arrays.copyOf(buf, n), StandardCharsets.US_ASCII);
            }
        }
        throw new IOException("request head too long");
    }
}
