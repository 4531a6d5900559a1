package org.insigne.backpack.imports;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.IssuerSite;
import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.BadgeNotShareable;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.badge.VerificationStatus;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ImportServiceTests {

    private static final String CAMILLE = "camille.martin@example.org";

    @Autowired
    ImportService imports;

    @Autowired
    BackpackService collection;

    private final IssuerSite site = new IssuerSite();
    private final UUID owner = UUID.randomUUID();

    private StoredBadgeView importOf(BadgeInput input, String email) {
        return imports.importBadge(owner, input, site.verify(input.toRequest(email)));
    }

    @Test
    void keepsABakedBadgeVerifiedForItsRecipientWithItsOriginalBytes() throws Exception {
        byte[] png = site.bakedPng(site.award(1, CAMILLE));

        StoredBadgeView stored = importOf(BadgeInput.file(png), CAMILLE);

        assertThat(stored.name()).isEqualTo("Animateur bénévole");
        assertThat(stored.issuerName()).isEqualTo("Ligue de l'enseignement d'Indre-et-Loire");
        assertThat(stored.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(stored.recipientStatus()).isEqualTo(RecipientStatus.MATCHED);
        assertThat(stored.spec()).isEqualTo(Spec.OB2);
        assertThat(stored.shared()).isFalse();
        assertThat(stored.hasImage()).isTrue();
        assertThat(collection.image(owner, stored.id()).bytes()).isEqualTo(png);
        assertThat(collection.image(owner, stored.id()).mediaType()).isEqualTo("image/png");
        assertThat(collection.badgesOf(owner)).extracting(StoredBadgeView::id).containsExactly(stored.id());
    }

    @Test
    @HostileInput("A6")
    void keepsABadgeAwardedToAnotherAddressAsNotConfirmedAndPrivateUntilTheAddressIsTheOwners() {
        String json = site.award(2, "dominique.durand@example.org");

        StoredBadgeView stored = importOf(BadgeInput.text(json), CAMILLE);

        assertThat(stored.recipientStatus()).isEqualTo(RecipientStatus.NOT_CONFIRMED);
        assertThat(stored.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(stored.lastChecks()).filteredOn(c -> c.id().equals("ob2.recipient"))
                .extracting(c -> c.status().name()).containsExactly("FAILED");
        assertThatThrownBy(() -> collection.makePublic(owner, stored.id())).isInstanceOf(BadgeNotShareable.class);
        assertThat(collection.badge(owner, stored.id()).shared()).isFalse();
        assertThatThrownBy(() -> collection.publicBadge(stored.publicId())).isInstanceOf(BadgeNotFound.class);

        // checked again for another address that is not the badge's: still not the owner's
        collection.recordCheck(owner, stored.id(), site.verify(
                collection.recheckRequest(owner, stored.id(), "camille.autre@example.org")));
        assertThat(collection.badge(owner, stored.id()).recipientStatus()).isEqualTo(RecipientStatus.NOT_CONFIRMED);
        assertThat(collection.badge(owner, stored.id()).status()).isEqualTo(VerificationStatus.VERIFIED);

        // the owner confirmed the address the badge names: the same import now makes it theirs
        StoredBadgeView confirmed = importOf(BadgeInput.text(json), "dominique.durand@example.org");
        assertThat(confirmed.id()).isEqualTo(stored.id());
        assertThat(confirmed.recipientStatus()).isEqualTo(RecipientStatus.MATCHED);
        assertThat(collection.makePublic(owner, stored.id()).shared()).isTrue();
        assertThat(collection.countOf(owner)).isEqualTo(1);
    }

    @Test
    @HostileInput("A6")
    void makesAnUnconfirmedBadgeTheOwnersWhenARecheckForTheirAddressPasses() {
        String json = site.award(12, "dominique.durand@example.org");
        StoredBadgeView stored = importOf(BadgeInput.text(json), CAMILLE);

        StoredBadgeView rechecked = collection.recordCheck(owner, stored.id(), site.verify(
                collection.recheckRequest(owner, stored.id(), "dominique.durand@example.org")));

        assertThat(rechecked.recipientStatus()).isEqualTo(RecipientStatus.MATCHED);
        assertThat(rechecked.status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    @HostileInput("A6")
    void refusesThroughAClaimOrTheApiABadgeAwardedToAnotherAddress() {
        String json = site.award(13, "dominique.durand@example.org");
        BadgeInput input = BadgeInput.text(json);

        assertThatThrownBy(() -> imports.claim(owner, input, site.verify(input.toRequest(CAMILLE))))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.other-recipient");
                    assertThat(refused.checks()).extracting(Check::id).containsExactly("ob2.recipient");
                });
        assertThat(collection.countOf(owner)).isZero();
    }

    @Test
    void refusesTheSameBadgeTwiceWhateverFormItComesIn() throws Exception {
        String json = site.award(3, CAMILLE);
        importOf(BadgeInput.text(json), CAMILLE);

        assertThatThrownBy(() -> importOf(BadgeInput.file(site.bakedPng(json)), CAMILLE))
                .isInstanceOfSatisfying(ImportRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.duplicate"));
        assertThatThrownBy(() -> importOf(BadgeInput.url(IssuerSite.BASE + "/assertions/3"), CAMILLE))
                .isInstanceOf(ImportRefused.class);
        assertThat(collection.countOf(owner)).isEqualTo(1);
    }

    @Test
    void letsAnotherEarnerKeepTheirOwnCopyOfAnIdenticalPayload() {
        String json = site.award(4, CAMILLE);
        importOf(BadgeInput.text(json), CAMILLE);
        UUID other = UUID.randomUUID();

        imports.importBadge(other, BadgeInput.text(json), site.verify(BadgeInput.text(json).toRequest(CAMILLE)));

        assertThat(collection.countOf(other)).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotABadgeWithTheFailedCheck() {
        assertThatThrownBy(() -> importOf(BadgeInput.text("bonjour"), CAMILLE))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.unrecognised");
                    assertThat(refused.checks()).extracting(Check::id).containsExactly("input.unrecognised");
                });
        assertThat(collection.countOf(owner)).isZero();
    }

    @Test
    @HostileInput("S12")
    void refusesARevokedBadge() {
        String json = site.award(5, CAMILLE);
        site.revoke(5);

        assertThatThrownBy(() -> importOf(BadgeInput.text(json), CAMILLE))
                .isInstanceOfSatisfying(ImportRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.invalid"));
        assertThat(collection.countOf(owner)).isZero();
    }

    @Test
    void keepsABadgeWhoseIssuerIsUnreachableAsUnverifiedWithTheReason() {
        String json = site.award(6, CAMILLE);
        site.goDown("/assertions/6");

        StoredBadgeView stored = importOf(BadgeInput.text(json), CAMILLE);

        assertThat(stored.status()).isEqualTo(VerificationStatus.UNVERIFIED);
        assertThat(stored.lastChecks()).anySatisfy(check ->
                assertThat(check.status()).isEqualTo(org.insigne.core.verification.CheckStatus.SKIPPED));
        assertThat(stored.hasImage()).isFalse();
    }

    @Test
    void refusesAnUnreachableAddressWithNothingToKeep() {
        site.goDown("/assertions/7");

        assertThatThrownBy(() -> importOf(BadgeInput.url(IssuerSite.BASE + "/assertions/7"), CAMILLE))
                .isInstanceOfSatisfying(ImportRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.unverifiable"));
    }

    @Test
    void refusesEmptyAndOversizedInputBeforeAnyVerification() {
        assertThatThrownBy(() -> ImportService.requireUsable(BadgeInput.file(new byte[0])))
                .isInstanceOfSatisfying(ImportRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.empty"));
        assertThatThrownBy(() -> ImportService.requireUsable(BadgeInput.file(new byte[BadgeInput.MAX_BYTES + 1])))
                .isInstanceOfSatisfying(ImportRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("backpack.import.refused.too-large"));
    }

    @Test
    @HostileInput("A6")
    void keepsACredentialIssuedToADidAsNotLinked() {
        String credential = """
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:8f1c1c52-5a34-4b7c-9d2e-0d3b5f0a6c11",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "credentialSubject": {"id": "did:example:ebfeb1f712ebc6f1c276e12ec21", "type": ["AchievementSubject"]}}
                """;

        StoredBadgeView stored = imports.importBadge(owner, BadgeInput.text(credential),
                ob3Report(URI.create("urn:uuid:8f1c1c52-5a34-4b7c-9d2e-0d3b5f0a6c11")));

        assertThat(stored.recipientStatus()).isEqualTo(RecipientStatus.NOT_LINKED);
        assertThat(stored.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(stored.spec()).isEqualTo(Spec.OB3);
    }

    @Test
    @HostileInput("A6")
    void keepsACredentialIssuedToSomeoneElsesEmailAsNotConfirmed() {
        String credential = """
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:11111111-5a34-4b7c-9d2e-0d3b5f0a6c11",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "credentialSubject": {"type": ["AchievementSubject"], "identifier": [{"type": "IdentityObject",
                   "identityType": "emailAddress", "hashed": false, "identityHash": "dominique.durand@example.org"}]}}
                """;

        StoredBadgeView stored = imports.importBadge(owner, BadgeInput.text(credential),
                ob3Report(URI.create("urn:uuid:11111111-5a34-4b7c-9d2e-0d3b5f0a6c11")));

        assertThat(stored.recipientStatus()).isEqualTo(RecipientStatus.NOT_CONFIRMED);
        assertThat(stored.shared()).isFalse();
        assertThatThrownBy(() -> collection.makePublic(owner, stored.id())).isInstanceOf(BadgeNotShareable.class);
    }

    /** What the OB 3.0 verifier reports for a sound credential that does not name the earner. */
    private static VerificationReport ob3Report(URI id) {
        BadgeView badge = new BadgeView(Spec.OB3, id, "Premiers secours", null, null, null, null,
                new BadgeView.Party(null, "Croix-Rouge", null, null), null, null, null, List.of(), List.of(),
                List.of(), List.of());
        List<Check> checks = List.of(Check.passed("ob3.proof", "ob3.proof.passed"),
                Check.failed("ob3.recipient", "ob3.recipient.mismatch"));
        return new VerificationReport(Spec.OB3, Verdict.INVALID, checks, badge);
    }
}
