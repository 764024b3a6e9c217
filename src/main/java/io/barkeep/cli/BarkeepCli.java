package io.barkeep.cli;

import io.barkeep.store.StoreException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds and runs the command line. Exit codes: 0 success, 1 a handled error (one clear line on stderr),
 * 2 bad usage: what picocli refuses and what the commands find wrong in what was typed ({@link UsageError}).
 */
public final class BarkeepCli {
    private static final Logger LOG = LoggerFactory.getLogger(BarkeepCli.class);

    private BarkeepCli() {
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs one command with the given streams (tests pass their own). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's own converter would put the DateTimeParseException's class and text in the message.
        cli.registerConverter(LocalDate.class, BarkeepCli::date);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof UsageError) {
                LOG.info("bad usage: {}", e.getMessage());
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof UserError || e instanceof StoreException || e instanceof IllegalArgumentException
                    || e instanceof io.barkeep.sync.SyncAbortedException) {
                LOG.info("command failed: {}", e.getMessage(), e);
                err.println("error: " + e.getMessage());
                return 1;
            }
            LOG.error("command failed unexpectedly", e);
            err.println("error: " + e + " (details in the log)");
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("try: barkeep " + e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^barkeep ?", "") + " --help");
            return 2;
        });
        return cli;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date: use YYYY-MM-DD");
        }
    }
}
