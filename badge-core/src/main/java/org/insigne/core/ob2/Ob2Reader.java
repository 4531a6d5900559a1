package org.insigne.core.ob2;

import static org.insigne.core.ob2.Fields.get;
import static org.insigne.core.ob2.Fields.optionalText;
import static org.insigne.core.ob2.Fields.path;
import static org.insigne.core.ob2.Fields.required;
import static org.insigne.core.ob2.Fields.requiredText;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads Open Badges 2.0 documents as real platforms publish them: a property may be a string, an object or
 * an array; {@code badge} and {@code issuer} may be IRIs or embedded; {@code verify} is an alias of
 * {@code verification} and {@code hosted}/{@code signed} of {@code HostedBadge}/{@code SignedBadge};
 * 1.x-era assertions are mapped where possible ({@code verify.url} as the id, {@code uid}, a bare
 * recipient hash). Errors are {@link Ob2ParseFailed} naming the property and telling missing, null and
 * wrong type apart. Reading checks shapes and datatypes; policy (what must match what) is the verifier's.
 */
public final class Ob2Reader {

    private Ob2Reader() {
    }

    public static Assertion readAssertion(byte[] json) throws Ob2ParseFailed {
        return readAssertion(Ob2Json.parseObject(json));
    }

    public static Assertion readAssertion(JsonNode node) throws Ob2ParseFailed {
        requireObject(node, "");
        List<String> types = get(node, "type") == null && get(node, "recipient") != null
                ? List.of("Assertion") : Fields.types(node, "");
        Fields.requireType(types, "", "Assertion");
        JsonNode verificationNode = verificationNode(node);
        if (verificationNode == null) {
            throw Ob2ParseFailed.missing("verification");
        }
        VerificationObject verification = readVerification(verificationNode, "verification", false);
        URI id = assertionId(node, verificationNode);
        IdentityObject recipient = readRecipient(node);
        Ref<BadgeClass> badge = badgeRef(required(node, "badge", ""), "badge");
        Instant issuedOn = get(node, "issuedOn") == null && get(node, "issued_on") != null
                ? Fields.dateTime(node, "issued_on", "") : Fields.dateTime(node, "issuedOn", "");
        Instant expires = Fields.optionalDateTime(node, "expires", "");
        Image image = optionalImage(node, "image", "");
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode item : Fields.many(node, "evidence")) {
            evidence.add(readEvidence(item, "evidence"));
        }
        return new Assertion(id, types, recipient, badge, verification, issuedOn, expires, image, evidence,
                optionalText(node, "narrative", ""), Fields.optionalBoolean(node, "revoked", ""),
                optionalText(node, "revocationReason", ""), optionalText(node, "uid", ""),
                endorsements(node, ""), node);
    }

    /** {@code verification}, or its alias {@code verify}. */
    static @Nullable JsonNode verificationNode(JsonNode node) {
        JsonNode verification = get(node, "verification");
        if (verification == null || verification.isNull()) {
            verification = get(node, "verify");
        }
        return verification == null || verification.isNull() ? null : verification;
    }

    private static URI assertionId(JsonNode node, JsonNode verification) throws Ob2ParseFailed {
        if (get(node, "id") == null && verification.isObject() && get(verification, "url") != null) {
            // OB 1.x: the hosted assertion lives at verify.url and has no id of its own.
            return Fields.requiredIri(verification, "url", "verify");
        }
        return Fields.requiredIri(node, "id", "");
    }

    private static IdentityObject readRecipient(JsonNode node) throws Ob2ParseFailed {
        JsonNode recipient = required(node, "recipient", "");
        if (recipient.isString()) {
            // OB 0.5/1.0: the recipient is a bare (hashed) e-mail, the salt a top-level property.
            String identity = recipient.stringValue();
            boolean hashed = identity.contains("$");
            return new IdentityObject("email", identity, hashed, optionalText(node, "salt", ""), recipient);
        }
        return readIdentity(recipient, "recipient");
    }

    public static IdentityObject readIdentity(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        String type = requiredText(node, "type", path);
        String identity = requiredText(node, "identity", path);
        boolean hashed = get(node, "hashed") == null
                ? identity.matches("(?i)(sha256|md5)\\$[0-9a-f]+") : Fields.optionalBoolean(node, "hashed", path);
        return new IdentityObject(type, identity, hashed, optionalText(node, "salt", path), node);
    }

    public static VerificationObject readVerification(JsonNode node, String path, boolean policy)
            throws Ob2ParseFailed {
        if (node.isString() && !policy) {
            // A bare type name, as some exporters write it.
            return new VerificationObject(kind(node.stringValue(), path), null, List.of(), List.of(), null, node);
        }
        requireObject(node, path);
        VerificationObject.Kind kind;
        List<String> types = Fields.textList(node, "type", path);
        if (policy) {
            kind = VerificationObject.Kind.POLICY;
        } else if (types.isEmpty()) {
            if (get(node, "url") != null) {
                kind = VerificationObject.Kind.HOSTED;
            } else {
                throw Ob2ParseFailed.missing(path(path, "type"));
            }
        } else {
            kind = kind(types.get(0), path(path, "type"));
        }
        return new VerificationObject(kind, Fields.optionalIri(node, "creator", path),
                Fields.textList(node, "startsWith", path), Fields.textList(node, "allowedOrigins", path),
                optionalText(node, "verificationProperty", path), node);
    }

    private static VerificationObject.Kind kind(String type, String path) throws Ob2ParseFailed {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "hosted", "hostedbadge", "obi:hostedbadge" -> VerificationObject.Kind.HOSTED;
            case "signed", "signedbadge", "obi:signedbadge" -> VerificationObject.Kind.SIGNED;
            default -> throw Ob2ParseFailed.invalid(path, "ob2.read.verification-type", type);
        };
    }

    static Ref<BadgeClass> badgeRef(JsonNode node, String path) throws Ob2ParseFailed {
        if (node.isString()) {
            return Ref.iri(Fields.iri(node.stringValue(), path));
        }
        if (node.isObject()) {
            BadgeClass badge = readBadgeClass(node, path);
            return Ref.of(badge.id(), badge);
        }
        throw Ob2ParseFailed.wrongType(path, "iri-or-object");
    }

    public static BadgeClass readBadgeClass(JsonNode node) throws Ob2ParseFailed {
        return readBadgeClass(node, "");
    }

    static BadgeClass readBadgeClass(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        List<String> types = Fields.types(node, path);
        Fields.requireType(types, path, "BadgeClass");
        URI id = Fields.requiredIri(node, "id", path);
        String name = requiredText(node, "name", path);
        String description = requiredText(node, "description", path);
        Image image = optionalImage(node, "image", path);
        Criteria criteria = readCriteria(required(node, "criteria", path), path(path, "criteria"));
        Ref<Profile> issuer = profileRef(required(node, "issuer", path), path(path, "issuer"));
        List<Alignment> alignments = new ArrayList<>();
        for (JsonNode item : Fields.many(node, "alignment")) {
            alignments.add(readAlignment(item, path(path, "alignment")));
        }
        return new BadgeClass(id, types, name, description, image, criteria, issuer, alignments,
                Fields.textList(node, "tags", path), endorsements(node, path), node);
    }

    static Ref<Profile> profileRef(JsonNode node, String path) throws Ob2ParseFailed {
        if (node.isString()) {
            return Ref.iri(Fields.iri(node.stringValue(), path));
        }
        if (node.isObject()) {
            Profile profile = readProfile(node, path);
            return Ref.of(profile.id(), profile);
        }
        throw Ob2ParseFailed.wrongType(path, "iri-or-object");
    }

    public static Profile readProfile(JsonNode node) throws Ob2ParseFailed {
        return readProfile(node, "");
    }

    static Profile readProfile(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        List<String> types = Fields.types(node, path);
        Fields.requireType(types, path, "Issuer", "Profile");
        URI id = Fields.requiredIri(node, "id", path);
        List<URI> keys = new ArrayList<>();
        List<CryptographicKey> embeddedKeys = new ArrayList<>();
        for (JsonNode key : Fields.many(node, "publicKey")) {
            if (key.isString()) {
                keys.add(Fields.iri(key.stringValue(), path(path, "publicKey")));
            } else if (key.isObject()) {
                CryptographicKey embedded = readCryptographicKey(key, path(path, "publicKey"));
                keys.add(embedded.id());
                embeddedKeys.add(embedded);
            } else {
                throw Ob2ParseFailed.wrongType(path(path, "publicKey"), "iri-or-object");
            }
        }
        JsonNode verification = get(node, "verification");
        VerificationObject policy = verification != null && verification.isObject()
                ? readVerification(verification, path(path, "verification"), true) : null;
        return new Profile(id, types, optionalText(node, "name", path), optionalText(node, "url", path),
                optionalText(node, "email", path), optionalText(node, "telephone", path),
                optionalText(node, "description", path), optionalImage(node, "image", path), keys, embeddedKeys,
                policy, Fields.optionalIri(node, "revocationList", path), endorsements(node, path), node);
    }

    public static CryptographicKey readCryptographicKey(JsonNode node) throws Ob2ParseFailed {
        return readCryptographicKey(node, "");
    }

    static CryptographicKey readCryptographicKey(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        return new CryptographicKey(Fields.requiredIri(node, "id", path), Fields.optionalIri(node, "owner", path),
                requiredText(node, "publicKeyPem", path), node);
    }

    public static RevocationList readRevocationList(JsonNode node) throws Ob2ParseFailed {
        requireObject(node, "");
        List<String> types = Fields.textList(node, "type", "");
        if (!types.isEmpty()) {
            Fields.requireType(types, "", "RevocationList");
        }
        List<RevocationList.Entry> entries = new ArrayList<>();
        for (JsonNode item : Fields.many(node, "revokedAssertions")) {
            if (item.isString()) {
                entries.add(new RevocationList.Entry(item.stringValue().strip(), null));
            } else if (item.isObject()) {
                String id = optionalText(item, "id", "revokedAssertions");
                if (id == null) {
                    id = optionalText(item, "uid", "revokedAssertions");
                }
                if (id == null) {
                    throw Ob2ParseFailed.missing("revokedAssertions.id");
                }
                entries.add(new RevocationList.Entry(id.strip(), optionalText(item, "revocationReason",
                        "revokedAssertions")));
            } else {
                throw Ob2ParseFailed.wrongType("revokedAssertions", "iri-or-object");
            }
        }
        return new RevocationList(Fields.optionalIri(node, "id", ""), Fields.optionalIri(node, "issuer", ""),
                entries, node);
    }

    public static Endorsement readEndorsement(JsonNode node) throws Ob2ParseFailed {
        return readEndorsement(node, "");
    }

    static Endorsement readEndorsement(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        Fields.requireType(Fields.types(node, path), path, "Endorsement");
        JsonNode claim = required(node, "claim", path);
        requireObject(claim, path(path, "claim"));
        JsonNode verification = verificationNode(node);
        if (verification == null) {
            throw Ob2ParseFailed.missing(path(path, "verification"));
        }
        return new Endorsement(Fields.requiredIri(node, "id", path),
                Fields.requiredIri(claim, "id", path(path, "claim")),
                optionalText(claim, "endorsementComment", path(path, "claim")),
                profileRef(required(node, "issuer", path), path(path, "issuer")),
                Fields.dateTime(node, "issuedOn", path),
                readVerification(verification, path(path, "verification"), false),
                Fields.optionalBoolean(node, "revoked", path), node);
    }

    private static List<Ref<Endorsement>> endorsements(JsonNode node, String path) throws Ob2ParseFailed {
        List<Ref<Endorsement>> out = new ArrayList<>();
        for (JsonNode item : Fields.many(node, "endorsement")) {
            if (item.isString()) {
                out.add(Ref.iri(Fields.iri(item.stringValue(), path(path, "endorsement"))));
            } else if (item.isObject()) {
                Endorsement endorsement = readEndorsement(item, path(path, "endorsement"));
                out.add(Ref.of(endorsement.id(), endorsement));
            } else {
                throw Ob2ParseFailed.wrongType(path(path, "endorsement"), "iri-or-object");
            }
        }
        return out;
    }

    static Criteria readCriteria(JsonNode node, String path) throws Ob2ParseFailed {
        if (node.isString()) {
            return new Criteria(node.stringValue().strip(), null, node);
        }
        requireObject(node, path);
        return new Criteria(optionalText(node, "id", path), optionalText(node, "narrative", path), node);
    }

    static Alignment readAlignment(JsonNode node, String path) throws Ob2ParseFailed {
        requireObject(node, path);
        return new Alignment(requiredText(node, "targetName", path), requiredText(node, "targetUrl", path),
                optionalText(node, "targetDescription", path), optionalText(node, "targetFramework", path),
                optionalText(node, "targetCode", path), node);
    }

    static Evidence readEvidence(JsonNode node, String path) throws Ob2ParseFailed {
        if (node.isString()) {
            return new Evidence(node.stringValue().strip(), null, null, null, null, null, node);
        }
        requireObject(node, path);
        return new Evidence(optionalText(node, "id", path), optionalText(node, "name", path),
                optionalText(node, "description", path), optionalText(node, "narrative", path),
                optionalText(node, "genre", path), optionalText(node, "audience", path), node);
    }

    static @Nullable Image optionalImage(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        String path = path(parent, name);
        if (value.isString()) {
            return new Image(value.stringValue().strip(), null, null, value);
        }
        if (value.isObject()) {
            return new Image(requiredText(value, "id", path).strip(), optionalText(value, "caption", path),
                    optionalText(value, "author", path), value);
        }
        // One image only (DCPV IMAGE_VALIDATION refuses several).
        throw Ob2ParseFailed.wrongType(path, "image");
    }

    private static void requireObject(JsonNode node, String path) throws Ob2ParseFailed {
        if (!node.isObject()) {
            if (path.isEmpty()) {
                throw new Ob2ParseFailed(Ob2ParseFailed.Problem.NOT_AN_OBJECT, "", "ob2.read.not-an-object");
            }
            throw Ob2ParseFailed.wrongType(path, "object");
        }
    }
}
