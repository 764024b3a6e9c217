package io.barkeep.cli;

import io.barkeep.store.StoreException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds and runs the command line. Exit codes: 0 success, 1 a handled error (one clear line on stderr),
 * 2 bad usage: what picocli refuses and what the commands find wrong in what was typed ({@link UsageError}).
 */
public final class BarkeepCli {
    private static final Logger LOG = LoggerFactory.getLogger(BarkeepCli.class);
    /** The options of {@link EngineOptions}, which every command that opens a database takes. */
    private static final Set<String> GLOBAL_OPTIONS = Set.of("--db", "--source", "--theta-url",
            "--theta-concurrency");

    private BarkeepCli() {
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs one command with the given streams (tests pass their own). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(MaskingWriter.wrap(out));
        cli.setErr(MaskingWriter.wrap(err));
        int code = cli.execute(globalOptionsLast(args));
        cli.getOut().flush();
        cli.getErr().flush();
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

    /**
     * Moves the global options given before the command ({@code barkeep --db x.db bars AAPL}) to after it, where
     * the command's own option parser reads them, as git and kubectl accept them in either place. Options after
     * a {@code --} stay before it.
     */
    static String[] globalOptionsLast(String[] args) {
        List<String> global = new ArrayList<>();
        int i = 0;
        while (i < args.length && GLOBAL_OPTIONS.contains(args[i].split("=", 2)[0])) {
            global.add(args[i]);
            if (!args[i].contains("=") && i + 1 < args.length) {
                global.add(args[++i]);
            }
            i++;
        }
        if (global.isEmpty()) {
            return args;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
        int end = rest.indexOf("--");
        rest.addAll(end < 0 ? rest.size() : end, global);
        return rest.toArray(String[]::new);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date: use YYYY-MM-DD");
        }
    }
}
