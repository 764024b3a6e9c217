package io.barkeep.mcp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the MCP server runs, warnings and errors also go to stderr, where MCP clients show a server's messages:
 * stdout belongs to the protocol. The log file gets everything, as always.
 */
public final class StderrLog {
    private StderrLog() {
    }

    /** Adds a WARN-and-above stderr appender to the root logger (once). */
    public static void attach() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("MCP_STDERR") != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("barkeep %-5level %logger{0} - %msg%n");
        encoder.start();
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.toString());
        warnings.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setName("MCP_STDERR");
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.addFilter(warnings);
        stderr.start();
        root.addAppender(stderr);
    }
}
