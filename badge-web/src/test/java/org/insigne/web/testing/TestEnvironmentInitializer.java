package org.insigne.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.insigne.testing.TestDatabaseInitializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Everything the application needs to run for real in a test: the test PostgreSQL, the GreenMail SMTP
 * server, and a data directory of its own.
 */
public class TestEnvironmentInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed test master key, so that production's rule (set it explicitly) holds in tests too. */
    static final String MASTER_KEY = "q0ZJ3dSPVvM8bYy0b5o3uXk1l2P7n4Hc9tWm6eRa8Qs=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new TestDatabaseInitializer().initialize(context);
        try {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + MailServer.port(),
                    "insigne.data-dir=" + Files.createTempDirectory("insigne-test"),
                    "insigne.keys.master-key=" + MASTER_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
