package org.insigne.web;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableAsync;

/** Starts Insigne: the issuer console, the backpack, the public pages and the API, in one application. */
@SpringBootApplication(scanBasePackages = "org.insigne")
@EntityScan("org.insigne")
@EnableJpaRepositories("org.insigne")
@ConfigurationPropertiesScan("org.insigne")
@EnableAsync
public class InsigneApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsigneApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
