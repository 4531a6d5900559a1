package org.insigne.core.ob2;

import java.util.ArrayList;
import java.util.List;

import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;

import tools.jackson.databind.JsonNode;

/**
 * OB 2.0 documents given instead of an assertion (a badge class, an issuer profile, an endorsement, a key, a
 * revocation list...): the report says what the document is (a warning, so it never reads as a verified
 * badge) after checking what can be checked of it with the assertion probes' own rules.
 */
final class OtherDocuments {

    private final EndorsementsProbe endorsements;

    OtherDocuments(EndorsementsProbe endorsements) {
        this.endorsements = endorsements;
    }

    void check(Ob2Context context, JsonNode json, List<String> types) {
        if (types.isEmpty() && json.get("type") == null) {
            context.fail(Ob2Verifier.PARSE, "ob2.parse.not-a-badge");
            return;
        }
        context.add(Check.passed(Ob2Verifier.PARSE, context.parseKey()));
        if (!context.contextAccepted(json, Ob2Verifier.STRUCTURE) || !context.typesKnown(types, json)) {
            return;
        }
        if (types.contains("BadgeClass")) {
            badgeClass(context, json);
        } else if (types.contains("Issuer") || types.contains("Profile")) {
            profile(context, json);
        } else if (types.contains("Endorsement")) {
            endorsement(context, json);
        } else {
            other(context, json, types);
        }
    }

    private static void badgeClass(Ob2Context context, JsonNode json) {
        BadgeClass badge;
        try {
            badge = Ob2Reader.readBadgeClass(json);
        } catch (Ob2ParseFailed invalid) {
            context.fail(Ob2Verifier.STRUCTURE, invalid.messageKey(), invalid.args().toArray());
            return;
        }
        context.add(Check.passed(Ob2Verifier.STRUCTURE, "ob2.structure.ok"));
        context.add(Check.warning(Ob2Verifier.DOCUMENT_KIND, "ob2.document-kind.badge-class", badge.name()));
        if (ImageProbe.check(context, badge)) {
            IssuerProbe.resolve(context, badge);
        }
    }

    private static void profile(Ob2Context context, JsonNode json) {
        try {
            Profile profile = Ob2Reader.readProfile(json);
            context.add(Check.passed(Ob2Verifier.STRUCTURE, "ob2.structure.ok"));
            context.add(Check.warning(Ob2Verifier.DOCUMENT_KIND, "ob2.document-kind.profile", profile.displayName()));
            IssuerProbe.checkProfile(context, profile, "ob2.issuer.given");
        } catch (Ob2ParseFailed invalid) {
            context.fail(Ob2Verifier.STRUCTURE, invalid.messageKey(), invalid.args().toArray());
        }
    }

    private void endorsement(Ob2Context context, JsonNode json) {
        try {
            Endorsement endorsement = Ob2Reader.readEndorsement(json);
            context.add(Check.passed(Ob2Verifier.STRUCTURE, "ob2.structure.ok"));
            context.add(Check.warning(Ob2Verifier.DOCUMENT_KIND, "ob2.document-kind.endorsement"));
            List<BadgeView.Party> endorsers = new ArrayList<>();
            String problem = endorsements.problem(context, Ref.of(endorsement.id(), endorsement),
                    endorsement.claimId(), endorsers);
            context.add(problem == null ? Check.passed(Ob2Verifier.ENDORSEMENTS, "ob2.endorsements.ok", 1)
                    : Check.failed(Ob2Verifier.ENDORSEMENTS, "ob2.endorsements.some-failed", 1, 1,
                            endorsement.id().toString()));
        } catch (Ob2ParseFailed invalid) {
            context.fail(Ob2Verifier.STRUCTURE, invalid.messageKey(), invalid.args().toArray());
        }
    }

    private static void other(Ob2Context context, JsonNode json, List<String> types) {
        try {
            if (types.contains("AlignmentObject")) {
                Ob2Reader.readAlignment(json, "");
            } else if (types.contains("CryptographicKey")) {
                Ob2Reader.readCryptographicKey(json);
            } else if (types.contains("RevocationList")) {
                Ob2Reader.readRevocationList(json);
            } else if (types.contains("IdentityObject")) {
                Ob2Reader.readIdentity(json, "");
            }
        } catch (Ob2ParseFailed invalid) {
            context.fail(Ob2Verifier.STRUCTURE, invalid.messageKey(), invalid.args().toArray());
            return;
        }
        context.add(Check.passed(Ob2Verifier.STRUCTURE, "ob2.structure.ok"));
        context.add(Check.warning(Ob2Verifier.DOCUMENT_KIND, "ob2.document-kind.other", String.join(", ", types)));
    }
}
