package dev.latchkey.apikey.credential;

import dev.latchkey.roles.RoleScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/** A stored API key: a {@link CredentialModel} of type {@value #TYPE} with typed data. */
public final class ApiKeyCredentialModel extends CredentialModel {

    public static final String TYPE = "api-key";

    private final ApiKeyCredentialData data;
    private final ApiKeySecretData secret;
    /** Parsed once per read, as the data is: validation asks it about each of the owner's roles. */
    private final RoleScope scope;

    private ApiKeyCredentialModel(ApiKeyCredentialData data, ApiKeySecretData secret) {
        this.data = data;
        this.secret = secret;
        this.scope = RoleScope.of(data.roles());
    }

    public static ApiKeyCredentialModel create(String id, long createdAt, ApiKeyCredentialData data, ApiKeySecretData secret) {
        ApiKeyCredentialModel model = new ApiKeyCredentialModel(data, secret);
        model.setId(id);
        model.setType(TYPE);
        model.setCreatedDate(createdAt);
        model.setUserLabel(data.name());
        model.setCredentialData(write(data));
        model.setSecretData(write(secret));
        return model;
    }

    public static ApiKeyCredentialModel from(CredentialModel stored) {
        ApiKeyCredentialModel model = new ApiKeyCredentialModel(
                read(stored.getCredentialData(), ApiKeyCredentialData.class),
                read(stored.getSecretData(), ApiKeySecretData.class));
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setCreatedDate(stored.getCreatedDate());
        model.setUserLabel(stored.getUserLabel());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        model.setFederationLink(stored.getFederationLink());
        return model;
    }

    /** A copy whose stored data carries the new "last used" time. */
    public ApiKeyCredentialModel withLastUsedAt(long lastUsedAt) {
        return withData(data.withLastUsedAt(lastUsedAt));
    }

    /** A copy with other stored data (same id, secret, creation date and label), to write with an update. */
    public ApiKeyCredentialModel withData(ApiKeyCredentialData changed) {
        ApiKeyCredentialModel copy = create(getId(), getCreatedDate(), changed, secret);
        copy.setUserLabel(getUserLabel());
        copy.setFederationLink(getFederationLink());
        return copy;
    }

    public ApiKeyCredentialData data() {
        return data;
    }

    public ApiKeySecretData secret() {
        return secret;
    }

    /** The roles the key may use: {@link RoleScope#ALL} for a key made without {@code roles}. */
    public RoleScope scope() {
        return scope;
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored API key data is not readable", e);
        }
    }
}
