package dev.latchkey.apikey.validation;

/**
 * What one Keycloak node keeps in memory for key validation, shared by all its requests: uses not yet written
 * ({@link LastUsedRecorder}) and user ids that named no user ({@link AbsentUsers}). Neither is shared between nodes:
 * both only spare database work, and the database stays the truth.
 */
public record ApiKeyNodeState(LastUsedRecorder lastUsed, AbsentUsers absentUsers) {
}
