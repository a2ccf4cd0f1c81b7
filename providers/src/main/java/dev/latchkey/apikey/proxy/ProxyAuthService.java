package dev.latchkey.apikey.proxy;

import dev.latchkey.apikey.events.ApiKeyEvents;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.apikey.validation.ApiKeyValidator;
import dev.latchkey.apikey.validation.ValidationOutcome;
import dev.latchkey.metrics.LatchkeyMetrics;
import dev.latchkey.metrics.LatchkeyMetrics.ProxyCheck;
import dev.latchkey.roles.EffectiveRoles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The decision of the proxy auth endpoint: the key is validated exactly as for a service (the same checks, caches,
 * reasons and events, {@link ApiKeyValidator}), what it may do comes from {@link dev.latchkey.apikey.validation.KeyPermissions},
 * and the endpoint adds two rules of its own: a Basic user name must be the owner's, and every role the proxy
 * requires must be one the key may use.
 */
final class ProxyAuthService {

    static final String REASON_USERNAME_MISMATCH = "username_mismatch";
    static final String REASON_ROLE_NOT_ALLOWED = "role_not_allowed";

    /** The answer before it becomes HTTP; {@code identity} is empty unless allowed. */
    record Decision(ProxyCheck result, Map<String, String> identity) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;

    ProxyAuthService(KeycloakSession session, RealmModel realm, ApiKeyNodeState nodeState) {
        this.session = session;
        this.realm = realm;
        this.nodeState = nodeState;
    }

    /** @param requiredRoles role labels ({@code ops}, {@code inventory/reader}), each already checked not blank */
    Decision check(PresentedKey presented, List<String> requiredRoles) {
        Decision decision = decide(presented, requiredRoles);
        LatchkeyMetrics.node().proxyChecked(decision.result());
        return decision;
    }

    private Decision decide(PresentedKey presented, List<String> requiredRoles) {
        // No event for a request without a key: git and browsers ask without credentials first, every time, and a
        // refusal event per page view would flood the event store.
        if (presented.source() == PresentedKey.Source.NONE || !realm.isEnabled()) {
            return refuse(ProxyCheck.NO_KEY);
        }
        ApiKeyEvents events = new ApiKeyEvents(session, realm);
        ValidationOutcome outcome = new ApiKeyValidator(session, realm, nodeState).validate(presented.text(),
                refused -> events.proxyCheckRefused(refused.reason().eventValue(), refused.owner(), refused.credential(),
                        null));
        if (!outcome.isActive()) {
            return refuse(ProxyCheck.REFUSED);
        }
        // The Basic user name shows up as the caller in the proxy's access log ($remote_user) and in services that
        // take it as the user (REMOTE_USER): it must name the key's owner, never someone else.
        if (presented.source() == PresentedKey.Source.BASIC
                && !presented.basicUser().equalsIgnoreCase(outcome.owner().getUsername())) {
            events.proxyCheckRefused(REASON_USERNAME_MISMATCH, outcome.owner(), outcome.credential(), null);
            return refuse(ProxyCheck.REFUSED);
        }
        if (!requiredRoles.isEmpty()) {
            Set<String> allowed = outcome.permissions().roles().stream().map(EffectiveRoles::label)
                    .collect(Collectors.toSet());
            for (String required : requiredRoles) {
                if (!allowed.contains(required)) {
                    events.proxyCheckRefused(REASON_ROLE_NOT_ALLOWED, outcome.owner(), outcome.credential(), required);
                    return refuse(ProxyCheck.FORBIDDEN);
                }
            }
        }
        return new Decision(ProxyCheck.ALLOWED, IdentityHeaders.of(outcome));
    }

    private static Decision refuse(ProxyCheck result) {
        return new Decision(result, Map.of());
    }
}
