package org.insigne.issuer.award;

import static org.insigne.issuer.publishing.GoldenDocuments.*;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.publishing.StatusLists;
import org.junit.jupiter.api.Test;

/** Pins the documents of awards byte for byte (see {@link org.insigne.issuer.publishing.GoldenDocuments}). */
class AwardDocumentsGoldenTests {

    private static final AwardRequest REQUEST = new AwardRequest(UUID.fromString("0e0e0e0e-5555-4555-8555-000000000007"),
            "Camille.Martin@Example.org", "Camille Martin", "Je transmets", "https://preuves.example/1",
            "A animé l'AG de mars.", LocalDate.of(2026, 3, 1));

    private static final AwardRequest BARE_REQUEST = new AwardRequest(REQUEST.formToken(), REQUEST.recipientEmail(),
            REQUEST.recipientName(), "Je fais", null, null, null);

    @Test
    void pinsOb2Documents() {
        golden("ob2-assertion", AwardDocuments.ob2Assertion(AWARD, BADGE_CLASS, REQUEST, List.of(), RECIPIENT, ISSUED,
                EXPIRES, HTTPS));
        golden("ob2-assertion-bare", AwardDocuments.ob2Assertion(AWARD, BADGE_CLASS, BARE_REQUEST, List.of(), RECIPIENT, ISSUED, null,
                HTTP));
        golden("ob2-revocations", AwardDocuments.ob2Revocations(ORG.value(), revoked(), HTTPS));
        golden("ob2-revocations-empty", AwardDocuments.ob2Revocations(ORG.value(), List.of(), HTTPS));
        golden("ob2-revoked-assertion", AwardDocuments.ob2RevokedAssertion(revoked().get(0), HTTPS));
        golden("ob2-revoked-assertion-no-reason", AwardDocuments.ob2RevokedAssertion(revoked().get(1), HTTPS));
    }

    @Test
    void pinsOb3Documents() {
        golden("ob3-credential-https", AwardDocuments.ob3Credential(AWARD, BADGE_CLASS, FULL_ISSUER, REQUEST, List.of(), RECIPIENT,
                ISSUED, EXPIRES, organisationKeys(), NOW, HTTPS, StatusLists.entry(ORG, 131_075, HTTPS)));
        golden("ob3-credential-http", AwardDocuments.ob3Credential(AWARD, BADGE_CLASS, BARE_ISSUER, BARE_REQUEST, List.of(),
                RECIPIENT, ISSUED, null, organisationKeys(), NOW, HTTP, StatusLists.entry(ORG, 7, HTTP)));
        golden("ob3-revocations", AwardDocuments.ob3Revocations(ORG.value(), revoked(), HTTPS));
    }

    private static List<Award> revoked() {
        SignedDocuments documents = new SignedDocuments(new byte[] {'{', '}'}, new byte[] {'{', '}'});
        Award first = new Award(new AwardId(AWARD), ORG, BADGE, REQUEST, ISSUED, EXPIRES, documents, 0, AWARD, NOW);
        first.revoke("Attribué par erreur \"deux fois\"", NOW);
        Award second = new Award(new AwardId(OTHER_AWARD), ORG, BADGE, BARE_REQUEST, ISSUED, null, documents, 1, AWARD,
                NOW);
        return List.of(first, second);
    }
}
