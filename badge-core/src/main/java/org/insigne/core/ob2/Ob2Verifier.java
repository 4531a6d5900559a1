package org.insigne.core.ob2;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.signing.Ob2JwsVerifier;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Payload;
import org.insigne.core.verification.SpecVerifier;
import org.insigne.core.verification.VerificationReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Verifies Open Badges 2.0 documents following ob_v2p0 "Verification" (digest §5) and, where the spec is
 * silent, the 1EdTech reference validator (DCPV), as ordered {@link Ob2Probe probes}: parse, hosted copy,
 * structure, badge class, image, issuer, hosted scope, signature, expiry, revocation, recipient, endorsements.
 * Every probe adds {@link Check checks} with stable ids; the first that finds the badge broken stops the run.
 * Nothing here throws on bad input. A document that is needed but cannot be reached makes the verdict
 * indeterminate, never valid.
 *
 * <p>Thread-safe; keep one instance: it caches parsed documents and public keys between verifications.
 */
public final class Ob2Verifier implements SpecVerifier {

    public static final String PARSE = "ob2.parse";
    public static final String STRUCTURE = "ob2.structure";
    public static final String CONTEXT = "ob2.context";
    public static final String DOCUMENT_KIND = "ob2.document-kind";
    public static final String BADGE_CLASS = "ob2.badge-class";
    public static final String BADGE_IMAGE = "ob2.badge-image";
    public static final String ISSUER = "ob2.issuer";
    public static final String ISSUER_DETAILS = "ob2.issuer-details";
    public static final String HOSTED_COPY = "ob2.hosted-copy";
    public static final String HOSTED_SCOPE = "ob2.hosted-scope";
    public static final String SIGNATURE = "ob2.signature";
    public static final String EXPIRY = "ob2.expiry";
    public static final String REVOCATION = "ob2.revocation";
    public static final String RECIPIENT = "ob2.recipient";
    public static final String ENDORSEMENTS = "ob2.endorsements";

    private static final Logger LOG = LoggerFactory.getLogger(Ob2Verifier.class);
    private static final Payload.Source GIVEN = new Payload.Given();

    private final Ob2Documents documents;
    private final List<Ob2Probe> probes;

    public Ob2Verifier(DocumentFetcher fetcher, Clock clock) {
        this.documents = new Ob2Documents(fetcher);
        Objects.requireNonNull(clock, "clock");
        EndorsementsProbe endorsements = new EndorsementsProbe(clock);
        this.probes = List.of(
                new ParseProbe(new OtherDocuments(endorsements)),
                new HostedCopyProbe(),
                new StructureProbe(),
                new BadgeClassProbe(),
                new ImageProbe(),
                new IssuerProbe(),
                new ScopeProbe(),
                new SignatureProbe(new Ob2JwsVerifier()),
                new ExpiryProbe(clock),
                new RevocationProbe(),
                new RecipientProbe(),
                endorsements);
    }

    /**
     * An OB 2.0 document: the OB 2.0 (or 1.x) context, an OB 2.0 class as type, or the recipient and badge of
     * a context-less 1.x assertion.
     */
    @Override
    public boolean recognises(JsonNode document) {
        if (!document.isObject()) {
            return false;
        }
        Ob2Contexts.Status status = Ob2Contexts.of(document);
        if (status == Ob2Contexts.Status.OB2 || status == Ob2Contexts.Status.OB1) {
            return true;
        }
        if (document.get("recipient") != null && document.get("badge") != null) {
            return true;
        }
        return Ob2Context.rawTypes(document).stream()
                .anyMatch(t -> Ob2Context.KNOWN_CLASSES.contains(t) && !"Extension".equals(t));
    }

    /**
     * Verifies what {@link org.insigne.core.verification.Verifier} found: JSON, a compact JWS, an address to
     * fetch, or baked text it could not read. {@code recipient}, when given, is checked against the
     * assertion's recipient.
     */
    @Override
    public VerificationReport verify(Payload payload, @Nullable String recipient) {
        Ob2Context context = new Ob2Context(documents, payload, recipient);
        try {
            for (Ob2Probe probe : probes) {
                if (!probe.run(context)) {
                    return context.report(null);
                }
            }
            return context.report(Ob2BadgeView.of(context.assertion(), context.badge(), context.issuer(),
                    context.endorsers(), context.endorsements()));
        } catch (RuntimeException bug) {
            // A bug of ours must not surface as an error page or, worse, as a verdict: the report keeps the
            // checks made so far and says the badge could not be verified.
            LOG.warn("OB 2.0 verification stopped by an unexpected error", bug);
            context.outage();
            context.add(Check.skipped("ob2.internal", "ob2.internal-error"));
            return context.report(null);
        }
    }

    /** For callers holding text: JSON, a compact JWS, or the http(s) URL of a hosted assertion. */
    public VerificationReport verify(String text, @Nullable String recipient) {
        return verify(Payload.of(text.strip(), GIVEN), recipient);
    }
}
