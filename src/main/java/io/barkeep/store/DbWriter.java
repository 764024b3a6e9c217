package io.barkeep.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the database (SQLite has one writer; queuing here beats busy-waiting on
 * the file lock). Every submitted job runs in its own transaction: it commits whole or rolls back whole.
 */
public final class DbWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DbWriter.class);

    private final Database db;
    private final ExecutorService thread;
    private Thread writerThread;
    private Connection connection;

    DbWriter(Database db) {
        this.db = db;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "barkeep-db-writer");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught failure on {}", th.getName(), e));
            writerThread = t;
            return t;
        });
    }

    /** Queues {@code work} as one transaction. */
    public <T> CompletableFuture<T> submit(Function<DSLContext, T> work) {
        return CompletableFuture.supplyAsync(() -> inTransaction(c -> work.apply(db.dsl(c))), thread);
    }

    /** Runs {@code work} as one transaction on the writer thread and waits for it. */
    public <T> T run(Function<DSLContext, T> work) {
        return await(submitJdbc(c -> work.apply(db.dsl(c))));
    }

    /** As {@link #run}, for hot paths that batch through JDBC directly. */
    <T> T runJdbc(Database.SqlFunction<T> work) {
        return await(submitJdbc(work));
    }

    private <T> CompletableFuture<T> submitJdbc(Database.SqlFunction<T> work) {
        if (Thread.currentThread() == writerThread) {
            // Already inside a writer job: join its transaction instead of dead-locking on the queue.
            try {
                return CompletableFuture.completedFuture(work.apply(connection));
            } catch (SQLException e) {
                return CompletableFuture.failedFuture(db.explain(e));
            }
        }
        return CompletableFuture.supplyAsync(() -> inTransaction(work), thread);
    }

    private <T> T inTransaction(Database.SqlFunction<T> work) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            Exception failure = null;
            try {
                T result = work.apply(c);
                c.commit();
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
        if (connection == null) {
            connection = db.connect(false);
        }
        return connection;
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

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database writer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("database write failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        thread.submit(() -> {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("closing the writer connection failed", e);
                }
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
