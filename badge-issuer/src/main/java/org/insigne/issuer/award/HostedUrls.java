package org.insigne.issuer.award;

import java.util.UUID;

/**
 * Where the public documents live, under the platform's public base address ({@code https://badges.example.org}).
 * The ids written in a badge are these URLs, so they must be the addresses verifiers can reach.
 */
public record HostedUrls(String base) {

    public HostedUrls {
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        base = base.substring(0, end);
    }

    public String ob2Assertion(UUID award) {
        return base + "/ob2/assertions/" + award;
    }

    public String ob2BadgeClass(UUID badgeClass) {
        return base + "/ob2/badge-classes/" + badgeClass;
    }

    public String ob2Issuer(UUID organisation) {
        return base + "/ob2/issuers/" + organisation;
    }

    public String ob2Revocations(UUID organisation) {
        return ob2Issuer(organisation) + "/revocations";
    }

    public String ob2Key(UUID key) {
        return base + "/ob2/keys/" + key;
    }

    public String ob3Issuer(UUID organisation) {
        return base + "/ob3/issuers/" + organisation;
    }

    public String ob3Key(UUID organisation, UUID key) {
        return ob3Issuer(organisation) + "/keys/" + key;
    }

    public String ob3Revocations(UUID organisation) {
        return ob3Issuer(organisation) + "/revocations";
    }

    /**
     * The Bitstring Status List credential number {@code list} of an organisation (vc-bitstring-status-list
     * §2.2); each list holds {@link StatusLists#LIST_SIZE} bits.
     */
    public String ob3StatusList(UUID organisation, int list) {
        return ob3Issuer(organisation) + "/status/" + list;
    }

    /** Where the organisation's DID document is served, as did:web resolves its DID (DID Web Method §3.2). */
    public String ob3DidDocument(UUID organisation) {
        return ob3Issuer(organisation) + "/did.json";
    }

    /**
     * The organisation's {@code did:web}: {@code did:web:<host>[%3A<port>]:ob3:issuers:<uuid>}, which resolves
     * to {@link #ob3DidDocument(UUID)} (over HTTPS only, as the method requires).
     */
    public String didWeb(UUID organisation) {
        java.net.URI uri = java.net.URI.create(base);
        String host = uri.getHost() + (uri.getPort() >= 0 ? "%3A" + uri.getPort() : "");
        StringBuilder did = new StringBuilder("did:web:").append(host);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                did.append(':').append(segment);
            }
        }
        return did.append(":ob3:issuers:").append(organisation).toString();
    }

    public String ob3Credential(UUID award) {
        return base + "/ob3/credentials/" + award;
    }

    /** The OB 2.0 assertion as a compact JWS signed with the organisation's key (a signed badge). */
    public String ob2Signed(UUID award) {
        return ob2Assertion(award) + "/signed";
    }

    /** The OB 3.0 credential as a VC-JWT signed with the organisation's Ed25519 key. */
    public String ob3Jwt(UUID award) {
        return ob3Credential(award) + "/jwt";
    }

    /** The badge image with the OB 2.0 assertion baked in; {@code extension} is {@code png} or {@code svg}. */
    public String ob2Baked(UUID award, String extension) {
        return ob2Assertion(award) + "/baked." + extension;
    }

    /** The badge image with the OB 3.0 credential baked in; {@code extension} is {@code png} or {@code svg}. */
    public String ob3Baked(UUID award, String extension) {
        return ob3Credential(award) + "/baked." + extension;
    }

    public String ob3Achievement(UUID badgeClass) {
        return base + "/ob3/achievements/" + badgeClass;
    }

    public String organisationLogo(UUID organisation) {
        return base + "/organisations/" + organisation + "/logo";
    }

    public String badgeImage(UUID badgeClass) {
        return base + "/badge-classes/" + badgeClass + "/image";
    }

    /**
     * The core's key resolver fetches key documents over HTTPS only. Behind HTTPS the OB 3.0 issuer is its URL
     * with Multikey documents; on a plain-HTTP address (development, tests) it falls back to {@code did:key},
     * which verifies without any fetch.
     */
    public boolean servesHttps() {
        return base.startsWith("https://");
    }
}
