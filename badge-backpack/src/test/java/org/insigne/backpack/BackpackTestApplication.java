package org.insigne.backpack;

import java.time.Clock;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Boots the backpack services alone, on the test database, for the module's own tests. */
@SpringBootApplication
public class BackpackTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Baker baker() {
        return new Baker(BakingLimits.defaults());
    }
}
