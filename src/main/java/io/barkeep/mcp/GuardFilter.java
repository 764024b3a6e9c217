package io.barkeep.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * In front of the MCP servlet: refuses a request without the bearer token (when one is set), and passes each
 * posted message through the {@link RequestTap} so cancellation reaches the call it names.
 */
final class GuardFilter implements Filter {
    /** Larger posts are refused; a tool call is a few hundred bytes. */
    static final int MAX_BODY = 1 << 20;
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final byte[] token;
    private final RequestTap tap;

    GuardFilter(String token, RequestTap tap) {
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.tap = tap;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (token != null && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"barkeep\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a bearer token is required");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String passed = tap.pass(request.getHeader(SESSION_HEADER), new String(body, StandardCharsets.UTF_8));
        if (passed == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the body is not a JSON-RPC message");
            return;
        }
        chain.doFilter(new Body(request, passed.getBytes(StandardCharsets.UTF_8)), res);
    }

    private boolean authorized(String header) {
        // constant time: the comparison must not tell how much of a guess was right
        return header != null && MessageDigest.isEqual(token, header.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body replaced by what the tap passed on. */
    private static final class Body extends HttpServletRequestWrapper {
        private final byte[] bytes;

        Body(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
