package org.insigne.issuer;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Boots the issuer services alone, on the test database, for the module's own tests. */
@SpringBootApplication
public class IssuerTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
