package org.insigne.issuer.publishing;

import static org.insigne.issuer.publishing.GoldenDocuments.*;

import java.util.List;

import org.insigne.core.ob3.BitstringStatusList;
import org.junit.jupiter.api.Test;

/** Pins the organisations' published documents byte for byte (see {@link GoldenDocuments}). */
class PublishedDocumentsGoldenTests {

    @Test
    void pinsOb2Documents() {
        golden("ob2-badge-class", PublishedDocuments.ob2BadgeClass(BADGE_CLASS, HTTPS));
        golden("ob2-issuer", PublishedDocuments.ob2Issuer(FULL_ISSUER, KEYS, HTTPS));
        golden("ob2-issuer-bare", PublishedDocuments.ob2Issuer(BARE_ISSUER, List.of(), HTTP));
        golden("ob2-key", PublishedDocuments.ob2Key(KEYS.get(1), HTTPS));
        golden("ob2-signed-payload", PublishedDocuments.ob2SignedPayload(pinned("ob2-assertion"),
                RSA_KEY.value(), HTTPS));
    }

    @Test
    void pinsOb3Documents() {
        golden("ob3-achievement", PublishedDocuments.ob3Achievement(BADGE_CLASS, HTTPS));
        golden("ob3-issuer", PublishedDocuments.ob3Issuer(FULL_ISSUER, KEYS, HTTPS));
        golden("ob3-issuer-bare", PublishedDocuments.ob3Issuer(BARE_ISSUER, List.of(), HTTP));
        golden("ob3-key", PublishedDocuments.ob3Key(KEYS.get(0), HTTPS));
        BitstringStatusList bits = BitstringStatusList.empty(StatusLists.LIST_SIZE).withBit(3, true).withBit(70_000, true);
        golden("ob3-status-list-https", PublishedDocuments.statusListCredential(FULL_ISSUER, 1, bits,
                new PublishedDocuments.Signer(ED_KEY, ED25519), NOW, HTTPS));
        golden("ob3-status-list-http", PublishedDocuments.statusListCredential(BARE_ISSUER, 0, bits,
                new PublishedDocuments.Signer(ED_KEY, ED25519), NOW, HTTP));
        golden("did-document", PublishedDocuments.didDocument(ORG.value(), KEYS,
                new HostedUrls("https://badges.example.org:8443/base/")));
    }
}
