package dev.latchkey.apikey.validation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.InactiveReason;
import org.keycloak.models.UserModel;

/**
 * The result of validating a key: the owner, the stored key and what it may do now when active, the reason otherwise.
 */
public record ValidationOutcome(UserModel owner, ApiKeyCredentialModel credential, KeyPermissions permissions,
                                InactiveReason reason) {

    static ValidationOutcome active(UserModel owner, ApiKeyCredentialModel credential, KeyPermissions permissions) {
        return new ValidationOutcome(owner, credential, permissions, null);
    }

    static ValidationOutcome inactive(InactiveReason reason, UserModel ownerIfKnown, ApiKeyCredentialModel credentialIfKnown) {
        return new ValidationOutcome(ownerIfKnown, credentialIfKnown, null, reason);
    }

    public boolean isActive() {
        return reason == null;
    }
}
