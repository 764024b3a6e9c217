package io.barkeep.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over Streamable HTTP: the SDK's servlet transport in an embedded Jetty 12, listening on
 * 127.0.0.1 only, at {@code /mcp}. Browsers' pages may not talk to it: a request whose {@code Origin} or
 * {@code Host} is not this machine's is refused (DNS-rebinding protection, as the MCP specification requires), and
 * with a token every request must carry {@code Authorization: Bearer <token>}.
 */
public final class HttpHost implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String ENDPOINT = "/mcp";
    private static final Logger LOG = LoggerFactory.getLogger(HttpHost.class);

    private final Server jetty;
    private final McpSyncServer server;
    private final ServerConnector connector;

    private HttpHost(Server jetty, ServerConnector connector, McpSyncServer server) {
        this.jetty = jetty;
        this.connector = connector;
        this.server = server;
    }

    static HttpHost start(BarkeepMcp mcp, int port, String token) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT)
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(List.of("http://127.0.0.1:*", "http://localhost:*"))
                        .allowedHosts(List.of("127.0.0.1:*", "localhost:*"))
                        .build())
                .build();
        McpSyncServer server = mcp.build(McpServer.sync(transport));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(HOST);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder("mcp", transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/*");
        FilterHolder guard = new FilterHolder(new GuardFilter(token, mcp.tap()));
        guard.setAsyncSupported(true);
        context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            server.close();
            jetty.stop();
            throw e;
        }
        HttpHost host = new HttpHost(jetty, connector, server);
        LOG.info("MCP server on {} ({}{})", host.url(), token == null ? "no token" : "bearer token required",
                mcp.allowWrites() ? ", writes allowed" : "");
        return host;
    }

    /** The port it listens on (the one the system chose when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        return "http://" + HOST + ":" + port() + ENDPOINT;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        server.closeGracefully();
        jetty.stop();
    }
}
