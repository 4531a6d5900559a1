package org.insigne.web.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on real PostgreSQL and a real SMTP server, on a free port (for the browser) and
 * through MockMvc. Every test class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"insigne.test.suite=web", "insigne.verify.requests-per-minute=100000",
                "insigne.backpack.recheck-interval=-", "insigne.login.failures-per-client=100000",
                "insigne.ob3api.registrations-per-hour=" + InsigneIntegrationTest.REGISTRATIONS_PER_HOUR})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEnvironmentInitializer.class)
public @interface InsigneIntegrationTest {

    /** Open Badges API client registrations one address may make per hour: every test registers from 127.0.0.1. */
    int REGISTRATIONS_PER_HOUR = 1000;
}
