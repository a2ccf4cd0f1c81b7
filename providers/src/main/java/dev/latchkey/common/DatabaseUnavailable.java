package dev.latchkey.common;

import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A database that cannot be reached answers as {@code 503 temporarily_unavailable} with {@code Retry-After}, not as
 * Keycloak's generic 500 with a stack trace in the log for every request of the outage. Only failures whose cause
 * chain shows a lost or refused connection (a SQLSTATE of class 08, a socket error) count; every other failure keeps
 * Keycloak's handling.
 */
public final class DatabaseUnavailable {

    public static final String ERROR = "temporarily_unavailable";
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final int MAX_CAUSES = 32;
    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseUnavailable() {
    }

    /** Runs the request's work; a database-connection failure in it becomes the 503. */
    public static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (LatchkeyError alreadyAnswered) {
            throw alreadyAnswered;
        } catch (RuntimeException e) {
            if (!isCause(e)) {
                throw e;
            }
            LOG.warnf("Database unavailable, answering 503: %s", rootMessage(e));
            throw error();
        }
    }

    /** {@link #guard} for work without a result. */
    public static void run(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the failure, or anything in its cause chain, is a lost or refused database connection. */
    public static boolean isCause(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            if (current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException
                    || current instanceof SocketException // refused, reset, broken pipe
                    || current instanceof SQLException sql && isConnectionState(sql.getSQLState())
                    || HIBERNATE_CONNECTION_FAILURE.equals(current.getClass().getName())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, closed, broken) and PostgreSQL's 57P01-57P03 (the server is
     * shutting down or not accepting connections yet).
     */
    static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    public static LatchkeyError error() {
        return LatchkeyError.withHeader(Response.Status.SERVICE_UNAVAILABLE, ERROR,
                "The service is temporarily unavailable, please retry later", "Retry-After",
                Integer.toString(RETRY_AFTER_SECONDS));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_CAUSES; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
