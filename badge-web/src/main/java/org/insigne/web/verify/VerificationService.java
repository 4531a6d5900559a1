package org.insigne.web.verify;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.web.system.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Runs verifications on their own threads, for the API, the public verification page, backpack imports, claims
 * and re-checks alike.
 */
@Service
public class VerificationService {

    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

    private final Verifier verifier;
    private final OwnDocumentsFetcher ownDocuments;
    private final Links links;
    private final AsyncTaskExecutor executor;
    /**
     * Verifiers for the addresses requests came to, when no base URL is configured: building one looks up the
     * specification verifiers again, too much to do per request. A few addresses in practice (localhost, the
     * machine's name); bounded, since the address comes from the request's Host header.
     */
    private final Cache<String, Verifier> byRequestBase = Caffeine.newBuilder().maximumSize(16).build();

    VerificationService(Verifier verifier, OwnDocumentsFetcher ownDocuments, Links links,
                        @Qualifier("verificationExecutor") AsyncTaskExecutor executor) {
        this.verifier = verifier;
        this.ownDocuments = ownDocuments;
        this.links = links;
        this.executor = executor;
    }

    /**
     * Verifies on the verification executor. Documents under this platform's public base (as the calling request
     * sees it, when there is one) are read from the database rather than fetched: see {@link OwnDocumentsFetcher}.
     */
    public CompletableFuture<VerificationReport> verify(VerificationRequest request) {
        Verifier verifying = verifierFor(links.base());
        return CompletableFuture.supplyAsync(() -> {
            VerificationReport report = verifying.verify(request);
            log.info("Verified a {} input: {} {}", request.input().getClass().getSimpleName(), report.spec(),
                    report.verdict());
            return report;
        }, executor);
    }

    /**
     * The verifier for a request that came to {@code requestBase}, chosen on the request's thread since the
     * verification runs on another. Under {@code insigne.base-url} (production behind a proxy) what is this
     * platform's never depends on the request, so the one shared verifier serves; otherwise (development, tests)
     * a verifier whose fetcher knows the request's address, kept for the next request to the same address.
     */
    private Verifier verifierFor(Optional<String> requestBase) {
        if (links.baseConfigured() || requestBase.isEmpty()) {
            return verifier;
        }
        // The configured verifier's own fetcher stays behind this one, so what it reads (or a test's corpus)
        // still answers for every other address.
        return byRequestBase.get(requestBase.get(),
                base -> verifier.fetchingThrough(configured -> ownDocuments.at(base, configured)));
    }
}
