package org.insigne.web.verify;

import java.util.concurrent.CompletableFuture;

import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
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
    private final AsyncTaskExecutor executor;

    VerificationService(Verifier verifier, OwnDocumentsFetcher ownDocuments,
                        @Qualifier("verificationExecutor") AsyncTaskExecutor executor) {
        this.verifier = verifier;
        this.ownDocuments = ownDocuments;
        this.executor = executor;
    }

    /**
     * Verifies on the verification executor. Documents under this platform's public base (as the calling request
     * sees it, when there is one) are read from the database rather than fetched: see {@link OwnDocumentsFetcher}.
     */
    public CompletableFuture<VerificationReport> verify(VerificationRequest request) {
        return CompletableFuture.supplyAsync(ownDocuments.bound(() -> {
            VerificationReport report = verifier.verify(request);
            log.info("Verified a {} input: {} {}", request.input().getClass().getSimpleName(), report.spec(),
                    report.verdict());
            return report;
        }), executor);
    }
}
