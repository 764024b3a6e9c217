package io.barkeep.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of this process (Linux /proc; the JVM's committed heap elsewhere). */
final class PeakMemory {
    private PeakMemory() {
    }

    static double residentMb() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to the JVM's own figure
            }
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory()) / 1e6;
    }
}
