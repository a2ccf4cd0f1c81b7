package dev.latchkey.it.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the run's two-node cluster ({@link KeycloakCluster}: PostgreSQL and two
 * {@code kc.sh start} nodes). Test methods, constructors and lifecycle methods may declare a {@link KeycloakCluster}
 * parameter. Tagged {@value #TAG}: failsafe runs these in their own execution, apart from the single dev server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(ClusterIT.TAG)
@ExtendWith(ClusterExtension.class)
public @interface ClusterIT {

    String TAG = "cluster";
}
