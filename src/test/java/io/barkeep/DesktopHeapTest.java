package io.barkeep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopHeapTest {
    @Test
    void aPlainJavaJarStartRelaunchesWithTheDesktopHeap() {
        assertTrue(DesktopHeap.shouldRelaunch(List.of(), null));
        assertTrue(DesktopHeap.shouldRelaunch(List.of("-Dfile.encoding=UTF-8", "-DBARKEEP_X=1"), null));
    }

    @Test
    void heapOrCollectorOptionsOfTheUsersOwnAreLeftAlone() {
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-Xmx2g"), null));
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-XX:MaxRAMPercentage=10"), null));
        assertFalse(DesktopHeap.shouldRelaunch(List.of("-XX:+UseZGC"), null));
    }

    @Test
    void theInstalledLaunchersOptionsAndTheRelaunchedJvmAreNotRelaunched() {
        assertFalse(DesktopHeap.shouldRelaunch(DesktopHeap.OPTIONS, null));
        assertFalse(DesktopHeap.shouldRelaunch(List.of(), "false"));
    }
}
