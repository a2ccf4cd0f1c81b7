package dev.latchkey.apikey;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import org.keycloak.models.UserModel;

/** The result of validating a key: the owner and the stored key when active, the reason otherwise. */
public record ValidationOutcome(UserModel owner, ApiKeyCredentialModel credential, InactiveReason reason) {

    static ValidationOutcome active(UserModel owner, ApiKeyCredentialModel credential) {
        return new ValidationOutcome(owner, credential, null);
    }

    static ValidationOutcome inactive(InactiveReason reason, UserModel ownerIfKnown, ApiKeyCredentialModel credentialIfKnown) {
        return new ValidationOutcome(ownerIfKnown, credentialIfKnown, reason);
    }

    public boolean isActive() {
        return reason == null;
    }
}
