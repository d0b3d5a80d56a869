package dev.evident.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole-job test against the shared {@link DemoSimulator}, on one in-memory H2 store.
 * Every class so annotated (and configured no further) shares one Spring context: tests
 * tell their runs apart by run id, and reset the simulator's faults and call log.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-job;DB_CLOSE_DELAY=-1")
@ContextConfiguration(initializers = DemoSimulator.Properties.class)
public @interface DemoJobTest {

}
