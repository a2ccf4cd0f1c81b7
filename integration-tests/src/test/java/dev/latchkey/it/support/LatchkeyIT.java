package dev.latchkey.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the run's Keycloak server. Test methods, constructors and lifecycle methods may
 * declare parameters of type {@link KeycloakServer}, {@link AdminClient}, {@link TokenClient} and {@link Http}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KeycloakServerExtension.class)
public @interface LatchkeyIT {
}
