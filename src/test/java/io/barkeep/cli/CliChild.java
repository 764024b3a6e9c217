package io.barkeep.cli;

import io.barkeep.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The command line in a process of its own, started by a test and held at a gate: it prints {@code READY}, waits
 * for a line on stdin, then runs its arguments, so that several processes run one command at the same moment.
 */
final class CliChild {
    private CliChild() {
    }

    public static void main(String[] args) throws IOException {
        Main.prepareLogging();
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.exit(BarkeepCli.run(args));
    }
}
