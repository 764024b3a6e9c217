package io.barkeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relaunch's class archive, with real JVMs writing and mapping it. */
class ClassArchiveTest {
    @TempDir
    Path dir;
    Path jar;
    Path folder;

    /** What the archived JVM runs: a class of its own in a jar (the JVM archives classes from jars only). */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println(List.of("hello").stream().map(String::toUpperCase).toList());
            if (args.length > 0 && args[0].equals("wait")) {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @BeforeEach
    void jar() throws Exception {
        jar = dir.resolve("app.jar");
        folder = dir.resolve("class-archive");
        String name = Hello.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = Hello.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
        }
    }

    private ClassArchive archive() {
        return ClassArchive.in(folder, System.getProperty("java.home"), System.getProperty("java.vm.version"),
                jar.toString());
    }

    private int run(List<String> options, String... more) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of(more));
        command.addAll(List.of("-cp", jar.toString(), Hello.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        assertTrue(code != 0 || output.contains("[HELLO]"), output);
        return code;
    }

    @Test
    void theFirstStartWritesTheArchiveAndTheNextMapsIt() throws Exception {
        ClassArchive first = archive();
        List<String> writing = first.options();
        assertTrue(writing.get(0).startsWith("-XX:ArchiveClassesAtExit="), writing.toString());
        assertEquals(0, run(writing));
        assertFalse(Files.exists(first.archive()), "not the archive before the JVM that wrote it has ended");
        first.finished(0);
        assertTrue(Files.size(first.archive()) > 0);

        List<String> mapping = archive().options();
        assertEquals("-XX:SharedArchiveFile=" + first.archive(), mapping.get(0));
        // -Xshare:on makes the JVM refuse to start unless it maps the archive.
        assertEquals(0, run(mapping, "-Xshare:on"));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(first.archive()), files.toList(), "no file left behind");
        }
    }

    @Test
    void anArchiveFromAJvmThatDidNotEndNormallyIsDropped() throws Exception {
        ClassArchive archive = archive();
        assertEquals(0, run(archive.options()));
        archive.finished(1);
        assertFalse(Files.exists(archive.archive()));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aNewBuildGetsANewArchiveAndTheOldOneGoes() throws Exception {
        ClassArchive old = archive();
        run(old.options());
        old.finished(0);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassArchive rebuilt = archive();
        assertNotEquals(old.archive(), rebuilt.archive());
        assertTrue(rebuilt.options().get(0).startsWith("-XX:ArchiveClassesAtExit="));
        run(rebuilt.options());
        rebuilt.finished(0);
        assertTrue(Files.exists(rebuilt.archive()));
        assertFalse(Files.exists(old.archive()), "the stale archive is removed");
    }

    @Test
    void aMappedArchiveIsDroppedWhenItsJvmDiedOfAFatalError() throws Exception {
        ClassArchive archive = archive();
        run(archive.options());
        archive.finished(0);
        archive().finished(ClassArchive.FATAL_ERROR);
        assertFalse(Files.exists(archive.archive()));
    }

    @Test
    void optionsOfTheUsersOwnAboutSharingAreLeftAlone() {
        assertTrue(ClassArchive.chosenByUser(List.of("-XX:SharedArchiveFile=/x.jsa")));
        assertTrue(ClassArchive.chosenByUser(List.of("-Xshare:off")));
        assertFalse(ClassArchive.chosenByUser(List.of("-Dfile.encoding=UTF-8")));
    }

    @Test
    void anArchiveWrittenByAJvmEndedBySigtermIsKeptAndMaps() throws Exception {
        ClassArchive first = archive();
        Files.createDirectories(folder);
        Path stray = folder.resolve("desktop-0123456789abcdef.0000.tmp");
        Files.writeString(stray, "left by a start whose waiting JVM was ended");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(first.options());
        command.addAll(List.of("-cp", jar.toString(), Hello.class.getName(), "wait"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("[HELLO]")) {
                // the app has loaded its classes once it printed
            }
            p.destroy(); // SIGTERM
            assertEquals(ClassArchive.TERMINATED, p.waitFor());
        }
        first.finished(ClassArchive.TERMINATED);
        assertTrue(Files.size(first.archive()) > 0);
        assertFalse(Files.exists(stray), "a stray archive of an ended start is removed");
        assertEquals(0, run(archive().options(), "-Xshare:on"));
    }
}
