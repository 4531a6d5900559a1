package org.insigne.web.verify;

import java.time.Clock;
import java.util.List;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.ob3.Ob3VerifierProvider;
import org.insigne.core.ob3.StatusListTrust;
import org.insigne.core.verification.Verifier;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.web.system.Links;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The core verifier, wired once: this platform's own documents read in-process and the bounded HTTP fetcher
 * for the rest ({@link OwnDocumentsFetcher}), the baker, the clock, the OB 3.0 status list policy
 * ({@code insigne.verify.status-list-trust}); and the executor that runs verifications off the request threads,
 * since a verification may wait seconds on remote servers.
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
    OwnDocumentsFetcher ownDocumentsFetcher(AwardService awards, HostedDocuments documents, IssuedForms forms,
                                            BackpackService backpack, EndorsementService endorsements, Baker baker,
                                            Links links, Environment environment, HttpDocumentFetcher network) {
        return new OwnDocumentsFetcher(awards, documents, forms, backpack, endorsements, baker, links, environment,
                network);
    }

    @Bean
    Verifier verifier(OwnDocumentsFetcher fetcher, Baker baker, Clock clock, VerifyProperties properties) {
        return verifier(fetcher, baker, clock, properties.statusListTrust());
    }

    /** The verifier every part of the application uses, with the configured status list policy. */
    static Verifier verifier(DocumentFetcher fetcher, Baker baker, Clock clock, StatusListTrust statusListTrust) {
        return new Verifier(fetcher, baker, clock, List.of(new Ob3VerifierProvider(statusListTrust)));
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
