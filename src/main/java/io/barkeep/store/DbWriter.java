package io.barkeep.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's one writer to the database (SQLite has one writer; queuing here beats busy-waiting on the file
 * lock; on PostgreSQL other processes write beside it, each write its own transaction). Every
 * job runs in its own transaction on the one read-write connection: it commits whole or rolls back whole. A job
 * runs on the calling thread while it holds the writer's (fair, first come first served) lock: handing each write
 * to a writer thread cost two thread wake-ups, which on a loaded two-core machine took longer than writing a
 * month of bars. A job started inside another joins its transaction.
 */
public final class DbWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DbWriter.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Database db;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile ExecutorService async;
    private Connection connection;
    private volatile boolean closed;
    /** Transactions committed through this writer: lets readers' caches tell that this process wrote. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    DbWriter(Database db) {
        this.db = db;
    }

    /**
     * How many transactions this writer has committed. Read it before reading the database: a later commit makes
     * it differ, so whatever was read may be out of date.
     */
    public long commits() {
        return commits.get();
    }

    /** Queues {@code work} as one transaction on a background thread. */
    public <T> CompletableFuture<T> submit(Function<DSLContext, T> work) {
        return CompletableFuture.supplyAsync(() -> run(work), asyncThread());
    }

    /** Runs {@code work} as one transaction (or inside the caller's, when already in a writer job). */
    public <T> T run(Function<DSLContext, T> work) {
        return runJdbc(c -> work.apply(db.dsl(c)));
    }

    /** As {@link #run}, for hot paths that batch through JDBC directly. */
    <T> T runJdbc(Database.SqlFunction<T> work) {
        if (lock.isHeldByCurrentThread()) {
            // Already inside a writer job: join its transaction; a failure here rolls the whole job back.
            try {
                return work.apply(connection);
            } catch (SQLException e) {
                throw db.explain(e);
            }
        }
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database writer", e);
        }
        try {
            return inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransaction(Database.SqlFunction<T> work) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            Exception failure = null;
            try {
                T result = work.apply(c);
                c.commit();
                commits.incrementAndGet();
                return result;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                rollbackQuietly(c);
                throw e;
            } finally {
                restoreAutoCommit(c, failure);
            }
        } catch (SQLException e) {
            throw db.explain(e);
        } catch (org.jooq.exception.DataAccessException e) {
            throw e.getCause() instanceof SQLException sql ? db.explain(sql) : e;
        }
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new StoreException("database " + db.name() + " is closed");
        }
        if (connection == null) {
            connection = db.connect(false);
        }
        return connection;
    }

    private ExecutorService asyncThread() {
        ExecutorService e = async;
        if (e == null) {
            synchronized (this) {
                if (async == null) {
                    async = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "barkeep-db-writer");
                        t.setDaemon(true);
                        return t;
                    });
                }
                e = async;
            }
        }
        return e;
    }

    /**
     * Back to auto-commit, without hiding why the job failed: after a full disk SQLite has already rolled the
     * transaction back, and the driver's closing "commit" then fails with "no transaction is active".
     */
    private static void restoreAutoCommit(Connection c, Exception failure) throws SQLException {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed", e);
        }
    }

    /** Waits (at most 30 s) for the running job, then closes the connection; later jobs fail. */
    @Override
    public void close() {
        ExecutorService e = async;
        if (e != null) {
            e.shutdown();
        }
        boolean locked = false;
        try {
            locked = lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            // A job still runs: closing its connection under it would fail it half-way; the process's exit will.
            LOG.warn("a database write still runs after {} s; leaving its connection open", CLOSE_WAIT_SECONDS);
            closed = true;
            return;
        }
        try {
            closed = true;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ex) {
                    LOG.warn("closing the writer connection failed", ex);
                }
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
