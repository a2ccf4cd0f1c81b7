package dev.latchkey.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUnavailableTest {

    /** How Keycloak reports a failed query: ModelException("Database operation failed") around the driver's error. */
    private static RuntimeException keycloakFailure(Throwable driverError) {
        return new IllegalStateException("Database operation failed", new RuntimeException("JDBC", driverError));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03"})
    @DisplayName("Given a connection SQLSTATE (refused, closed, broken, server shutting down or starting), then it is an outage")
    void connectionStates(String sqlState) {
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SQLException("gone", sqlState)))).isTrue();
    }

    @Test
    @DisplayName("Given a refused socket or a transient connection failure deep in the chain, then it is an outage")
    void connectionExceptions() {
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SQLException("x", "99999",
                new ConnectException("Connection refused"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SQLTransientConnectionException("pool timeout"))))
                .isTrue();
        // what Keycloak 26.7.0 reports when a pooled connection's server went away: the socket error, nothing else
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SocketException("Broken pipe")))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "40001", "42P01", "22001"})
    @DisplayName("Given a constraint, serialization, schema or data error, then it is not an outage")
    void otherStates(String sqlState) {
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SQLException("no", sqlState)))).isFalse();
        assertThat(DatabaseUnavailable.isCause(keycloakFailure(new SQLException("no", (String) null)))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("bug"))).isFalse();
    }

    @Test
    @DisplayName("Given a cause chain with a cycle, then the check ends")
    void cyclicCauses() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);

        assertThat(DatabaseUnavailable.isCause(first)).isFalse();
    }

    @Test
    @DisplayName("Given work that fails for want of the database, then the answer is a JSON 503 with Retry-After")
    void guardAnswers503() {
        LatchkeyError error = catchThrowableOfType(LatchkeyError.class, () -> DatabaseUnavailable.guard(() -> {
            throw keycloakFailure(new SQLException("Connection refused", "08001"));
        }));

        Response response = error.getResponse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getEntity()).isEqualTo(Map.of("error", "temporarily_unavailable",
                "error_description", "The service is temporarily unavailable, please retry later"));
        assertThat(error.code()).isEqualTo(DatabaseUnavailable.ERROR);
    }

    @Test
    @DisplayName("Given work that succeeds, fails otherwise or refuses with a Latchkey error, then the guard changes nothing")
    void guardPassesOthersThrough() {
        assertThat(DatabaseUnavailable.guard(() -> "ok")).isEqualTo("ok");
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> DatabaseUnavailable.run(() -> {
            throw bug;
        })).isSameAs(bug);
        LatchkeyError refusal = LatchkeyError.notFound("No such API key");
        assertThatThrownBy(() -> DatabaseUnavailable.run(() -> {
            throw refusal;
        })).isSameAs(refusal);
    }
}
