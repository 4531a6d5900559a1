package org.insigne.web.verify;

import java.time.Clock;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.verification.Verifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The core verifier, wired once: the bounded HTTP fetcher, the baker, the clock; and the executor that runs
 * verifications off the request threads, since a verification may wait seconds on remote servers.
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean(destroyMethod = "close")
    HttpDocumentFetcher documentFetcher(FetchProperties properties) {
        return new HttpDocumentFetcher(properties.toPolicy());
    }

    @Bean
    Baker baker() {
        return new Baker(BakingLimits.defaults());
    }

    @Bean
    Verifier verifier(HttpDocumentFetcher fetcher, Baker baker, Clock clock) {
        return new Verifier(fetcher, baker, clock);
    }

    @Bean
    AsyncTaskExecutor verificationExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("verify-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(16);
        executor.setQueueCapacity(200);
        executor.initialize();
        return executor;
    }
}
