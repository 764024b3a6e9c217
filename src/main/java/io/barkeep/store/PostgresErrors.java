package io.barkeep.store;

import java.sql.SQLException;

/** Turns PostgreSQL's SQLSTATE codes into one line that says what happened to which database and what to do. */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static StoreException explain(SQLException e, String name) {
        String state = stateOf(e);
        String message;
        if (state == null) {
            message = "database " + name + ": " + firstLine(e.getMessage());
        } else if (state.startsWith("08")) {
            message = "cannot reach PostgreSQL for " + name + " (" + firstLine(e.getMessage()) + "); is the server"
                    + " running and the host and port right?";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "PostgreSQL refused the login for " + name + " (" + firstLine(e.getMessage()) + "); put the"
                    + " password in ~/.pgpass or PGPASSWORD, never in the URL";
        } else if (state.equals("3D000")) {
            message = "database " + name + " does not exist on that server; create it first (createdb)";
        } else if (state.equals("42501")) {
            message = "database " + name + ": permission denied (" + firstLine(e.getMessage()) + ")";
        } else if (state.equals("53100")) {
            message = "the server's disk is full: could not write " + name + "; nothing was half-written, free some"
                    + " space and try again";
        } else if (state.startsWith("53")) {
            message = "PostgreSQL is out of resources for " + name + " (" + firstLine(e.getMessage()) + ")";
        } else if (state.equals("40001") || state.equals("40P01")) {
            message = "database " + name + " was busy with another program's write (" + state + "); nothing was"
                    + " half-written, try again";
        } else if (state.startsWith("57")) {
            message = "PostgreSQL for " + name + " is shutting down or cancelled the statement ("
                    + firstLine(e.getMessage()) + ")";
        } else {
            message = "database " + name + ": " + firstLine(e.getMessage());
        }
        return new StoreException(message, e);
    }

    private static String stateOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
