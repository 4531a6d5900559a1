package org.insigne.core.ob2;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.insigne.core.verification.Check;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.issuer} and {@code ob2.issuer-details}: the badge class's issuer profile, readable and named,
 * served from its own host, and the same issuer the assertion names, if it names one.
 */
final class IssuerProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        Profile issuer = resolve(context, context.badge());
        if (issuer == null) {
            return false;
        }
        String declared = Ob2Context.textOrNull(context.assertionJson(), "issuer");
        if (declared != null && !declared.strip().equals(issuer.id().toString())) {
            context.add(Check.failed(Ob2Verifier.ISSUER, "ob2.issuer.mismatch", declared, issuer.id().toString()));
        }
        context.issuer(issuer);
        return true;
    }

    /**
     * The issuer profile, taken from the issuer's own URL even when embedded: the keys and the hosting
     * policy it lists decide whose signature and which hosts count, so they must not come from the badge
     * being checked. An embedded profile is used only when its id is not a web address.
     */
    static @Nullable Profile resolve(Ob2Context context, BadgeClass badge) {
        Ref<Profile> ref = badge.issuer();
        Profile embedded = ref.embedded();
        URI id = ref.id();
        if (embedded != null && (id == null || !Ob2Documents.isHttp(id))) {
            return checkProfile(context, embedded, "ob2.issuer.embedded");
        }
        URI url = Objects.requireNonNull(id);
        if (!Ob2Documents.isHttp(url)) {
            context.fail(Ob2Verifier.ISSUER, "ob2.issuer.not-fetchable", url.toString());
            return null;
        }
        JsonNode tree = context.loadRequired(url, Ob2Verifier.ISSUER);
        if (tree == null || !context.contextAccepted(tree, Ob2Verifier.ISSUER)) {
            return null;
        }
        try {
            Profile profile = Ob2Reader.readProfile(tree);
            if (!context.servedFromItsOwnHost(profile.id(), url)) {
                context.fail(Ob2Verifier.ISSUER, "ob2.issuer.served-elsewhere", profile.id().toString(),
                        url.toString());
                return null;
            }
            return checkProfile(context, profile, "ob2.issuer.fetched");
        } catch (Ob2ParseFailed invalid) {
            context.fail(Ob2Verifier.ISSUER, invalid.messageKey(), invalid.args().toArray());
            return null;
        }
    }

    /** A named issuer passes; missing contact details or a plain-HTTP id only warn. */
    static @Nullable Profile checkProfile(Ob2Context context, Profile issuer, String key) {
        if (issuer.name() == null || issuer.name().isBlank()) {
            context.fail(Ob2Verifier.ISSUER, "ob2.read.missing", "issuer.name");
            return null;
        }
        context.add(Check.passed(Ob2Verifier.ISSUER, key, issuer.displayName()));
        List<String> missing = new ArrayList<>();
        if (issuer.url() == null) {
            missing.add("url");
        }
        if (issuer.email() == null) {
            missing.add("email");
        }
        if (!missing.isEmpty()) {
            context.add(Check.warning(Ob2Verifier.ISSUER_DETAILS, "ob2.issuer-details.missing",
                    String.join(", ", missing)));
        } else if (!"https".equalsIgnoreCase(issuer.id().getScheme())) {
            context.add(Check.warning(Ob2Verifier.ISSUER_DETAILS, "ob2.issuer-details.not-https",
                    issuer.id().toString()));
        }
        return issuer;
    }
}
