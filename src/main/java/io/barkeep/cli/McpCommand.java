package io.barkeep.cli;

import io.barkeep.mcp.BarkeepMcp;
import io.barkeep.mcp.HttpHost;
import io.barkeep.mcp.StderrLog;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mcp}: the cache as an MCP server for AI agents, on stdio (what {@code claude mcp add} starts) or, when
 * asked, on Streamable HTTP at 127.0.0.1. Nothing listens unless asked.
 */
@Command(name = "mcp", description = "Serve the cache to AI agents over the Model Context Protocol: stdio by default, "
        + "or Streamable HTTP on 127.0.0.1 with --http. Read-only unless --allow-writes.")
final class McpCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8765;

    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--http", description = "Serve Streamable HTTP on 127.0.0.1 instead of stdio.")
    boolean http;
    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default " + DEFAULT_PORT + "; 0: any free).")
    Integer port;
    @Option(names = "--allow-writes", description = "Also offer add_to_watchlist, remove_from_watchlist and backfill.")
    boolean allowWrites;
    @Option(names = "--token-file", paramLabel = "F",
            description = "HTTP only: require 'Authorization: Bearer <token>' with the token in file F.")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        if (!http && (port != null || tokenFile != null)) {
            throw new UserError("--port and --token-file go with --http");
        }
        int p = port != null ? port : DEFAULT_PORT;
        if (p < 0 || p > 65_535) {
            throw new UserError("--port must be between 0 and 65535, got " + p);
        }
        String token = tokenFile == null ? null : token(tokenFile);
        StderrLog.attach();
        if (!http) {
            return stdio();
        }
        try (MarketData data = engine.openData()) {
            CacheEngine e = data.engine();
            BarkeepMcp mcp = new BarkeepMcp(data, engine.settings().retainDays(), allowWrites);
            try (HttpHost host = mcp.serveHttp(p, token)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        host.close();
                    } catch (Exception ignored) {
                        // stopping anyway
                    }
                }));
                var err = spec.commandLine().getErr();
                err.println("barkeep MCP server on " + host.url() + " (" + engine.sourceName() + ", "
                        + e.database().name() + (token == null ? "" : ", bearer token required")
                        + (allowWrites ? ", writes allowed" : ", read-only") + "); Ctrl-C stops it");
                err.flush();
                host.join();
            }
        }
        return 0;
    }

    private int stdio() throws InterruptedException {
        // stdout carries the protocol only: whatever else prints by mistake goes to stderr
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try (MarketData data = engine.openData()) {
            new BarkeepMcp(data, engine.settings().retainDays(), allowWrites)
                    .serveStdio(System.in, protocol);
        } finally {
            System.setOut(protocol);
        }
        return 0;
    }

    private static String token(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UserError("cannot read the token file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty() || text.contains("\n")) {
            throw new UserError("the token file " + file + " must hold one line: the token");
        }
        return text;
    }
}
