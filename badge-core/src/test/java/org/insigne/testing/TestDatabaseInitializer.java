package org.insigne.testing;

import java.util.Locale;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at the database {@link TestDatabase} gives the suite named by the property
 * {@code insigne.test.suite} (a module sets it in its test {@code application.properties}).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String suite = context.getEnvironment().getProperty("insigne.test.suite", "default")
                .toLowerCase(Locale.ROOT);
        TestDatabase.Coordinates db = TestDatabase.forSuite(suite);
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                db.asSpringProperties().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }
}
