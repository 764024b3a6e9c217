package io.barkeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopHeapTest {
    @Test
    void aPlainJavaJarStartRelaunchesWithTheDesktopHeap() {
        assertTrue(DesktopHeap.shouldRelaunch(List.of(), null, false));
        assertTrue(DesktopHeap.shouldRelaunch(List.of("-Dfile.encoding=UTF-8", "-DBARKEEP_X=1"), null, false));
    }

    @Test
    void heapOrCollectorOptionsOfTheUsersOwnAreLeftAlone() {
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-Xmx2g"), null, false));
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-XX:MaxRAMPercentage=10"), null, false));
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-XX:+UseZGC"), null, false));
    }

    @Test
    void theRelaunchedJvmIsNotRelaunched() {
        assertFalse(DesktopHeap.shouldRelaunch(List.of(), "false", false));
        assertFalse(DesktopHeap.shouldRelaunch(DesktopHeap.OPTIONS, "false", true));
    }

    @Test
    void theInstalledAppRelaunchesWithItsLaunchersHeapForTheClassArchive() {
        assertTrue(DesktopHeap.shouldRelaunch(DesktopHeap.OPTIONS, null, true));
        assertFalse(DesktopHeap.shouldRelaunch(DesktopHeap.OPTIONS, null, false));
    }

    @Test
    void aRuntimeWithoutItsJavaCommandStartsTheAppInPlace(@TempDir Path runtime) throws IOException {
        assertTrue(DesktopHeap.javaCommand(runtime).isEmpty());
        Path bin = Files.createDirectories(runtime.resolve("bin"));
        Path java = Files.createFile(bin.resolve("java"));
        assertTrue(DesktopHeap.javaCommand(runtime).isEmpty(), "not executable");
        assertTrue(java.toFile().setExecutable(true));
        assertEquals(java, DesktopHeap.javaCommand(runtime).orElseThrow());
    }

    @Test
    void theRunningJvmsOwnRuntimeHasItsJavaCommand() {
        Path command = DesktopHeap.javaCommand(Path.of(System.getProperty("java.home"))).orElseThrow();
        assertTrue(Files.isExecutable(command), command.toString());
    }
}
