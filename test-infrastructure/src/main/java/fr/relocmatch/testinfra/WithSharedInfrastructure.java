package fr.relocmatch.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/** Runs a Spring test context against the real Kafka, MongoDB and SMTP servers shared by this JVM. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
public @interface WithSharedInfrastructure {
}
