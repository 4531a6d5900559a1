package org.insigne.issuer;

import java.time.Clock;
import java.util.Optional;

import org.insigne.issuer.audit.ActorDirectory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Boots the issuer services alone, on the test database, for the module's own tests. */
@SpringBootApplication
public class IssuerTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Users live in the web module; here every user's address is derived from their id. */
    @Bean
    ActorDirectory actors() {
        return userId -> Optional.of("user-" + userId + "@staff.test");
    }
}
