package dev.latchkey.apikey.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Registers {@value ApiKeyCredentialModel#TYPE} as a credential type, so that keys are stored on the user like any
 * other credential: shown in the admin console's Credentials tab (data only, never the hash), removable there, cached
 * with the user and removed with the user.
 */
public final class ApiKeyCredentialProvider implements CredentialProvider<ApiKeyCredentialModel> {

    private final KeycloakSession session;

    ApiKeyCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return ApiKeyCredentialModel.TYPE;
    }

    @Override
    /**
     * Reached only through Keycloak's generic credential paths (realm import, an admin's user representation):
     * Latchkey's own endpoint stores keys directly. Such a key must meet the rules of Latchkey's create path.
     */
    public CredentialModel createCredential(RealmModel realm, UserModel user, ApiKeyCredentialModel credential) {
        IncomingKeyRules.check(session, realm, user, credential);
        OldFormatKeys.keyImported(session, realm, credential.data());
        return new UserKeys(session, user).create(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return new UserKeys(session, user).remove(credentialId);
    }

    @Override
    public ApiKeyCredentialModel getCredentialFromModel(CredentialModel model) {
        try {
            return ApiKeyCredentialModel.from(model);
        } catch (RuntimeException unreadable) {
            throw new ModelException("API key credential refused: its data is not what Latchkey stores");
        }
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        // Keys are managed on Latchkey's own Profile page; no required action creates them.
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("latchkeyApiKeyDisplayName")
                .helpText("latchkeyApiKeyHelpText")
                .iconCssClass(CredentialTypeMetadata.DEFAULT_ICON_CSS_CLASS)
                .removeable(true)
                .build(session);
    }
}
