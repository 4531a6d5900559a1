package org.insigne.issuer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.insigne.core.error.DomainException;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.ob3.RecognitionLists;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class NetworkServiceTests {

    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test");

    @Autowired NetworkService networks;
    @Autowired OrganisationService organisations;
    @Autowired HostedDocuments hosted;
    @Autowired IssuedForms forms;
    @Autowired RecognitionListService lists;

    final UUID coordinator = UUID.randomUUID();
    final UUID memberOwner = UUID.randomUUID();

    @Test
    void networkIsPublishedAsAnIssuerProfileWithItsLogo() {
        NetworkView network = networks.create(coordinator, profile("Badgeons le 41"), PNG, HTTPS);

        String ob2 = text(hosted.ob2Issuer(new OrganisationId(network.id().value()), HTTPS).orElseThrow());
        String ob3 = text(hosted.ob3Issuer(new OrganisationId(network.id().value()), HTTPS).orElseThrow());

        assertThat(ob2).contains("Badgeons le 41", HTTPS.organisationLogo(network.id().value()));
        assertThat(ob3).contains("Badgeons le 41", "\"Profile\"");
        assertThat(forms.didDocument(new OrganisationId(network.id().value()), HTTPS)).isPresent();
        assertThat(networks.logo(network.id())).contains(PNG);
    }

    @Test
    void invitedOrganisationJoinsLeavesAndIsCountedOnThePublicPage() {
        NetworkId network = networks.create(coordinator, profile("Badgeons le Centre"), null, HTTPS).id();
        OrganisationId member = organisations.create(memberOwner, "Centre social Éole").id();

        Invited invited = networks.invite(network, coordinator, member);
        assertThat(invited.administrators()).containsExactly(memberOwner);
        assertThat(networks.publicNetwork(network).orElseThrow().members()).isEmpty();
        assertThat(networks.networksOf(member, memberOwner)).singleElement()
                .satisfies(m -> assertThat(m.pending()).isTrue());

        networks.answer(member, invited.invitation().membership(), memberOwner, true);
        assertThat(networks.memberIds(network)).containsExactly(member);
        assertThat(networks.publicNetwork(network).orElseThrow().members()).singleElement()
                .satisfies(m -> {
                    assertThat(m.name()).isEqualTo("Centre social Éole");
                    assertThat(m.awards()).isZero();
                });
        assertRefused(() -> networks.answer(member, invited.invitation().membership(), memberOwner, false),
                "error.network.not-pending");

        networks.leave(member, invited.invitation().membership(), memberOwner);
        assertThat(networks.memberIds(network)).isEmpty();
        Invited again = networks.invite(network, coordinator, member);
        networks.answer(member, again.invitation().membership(), memberOwner, true);
        networks.remove(network, again.invitation().membership(), coordinator);
        assertThat(networks.memberIds(network)).isEmpty();
    }

    @Test
    void refusesSelfInvitationsTwiceAndAnyoneButCoordinators() {
        NetworkId network = networks.create(coordinator, profile("Réseau"), null, HTTPS).id();
        OrganisationId member = organisations.create(memberOwner, "Association").id();
        networks.invite(network, coordinator, member);

        assertRefused(() -> networks.invite(network, coordinator, new OrganisationId(network.value())),
                "error.network.invite-self");
        assertRefused(() -> networks.invite(network, coordinator, member), "error.network.invite-twice");
        assertRefused(() -> networks.invite(network, coordinator, new OrganisationId(UUID.randomUUID())),
                "error.network.organisation-unknown");
        // Being on the staff of a member organisation gives no right on the network.
        assertRefused(() -> networks.invite(network, memberOwner, member), "error.network.not-coordinator");
        assertRefused(() -> networks.members(network, memberOwner), "error.network.not-coordinator");
        assertRefused(() -> networks.addCoordinator(network, memberOwner, memberOwner), "error.network.not-coordinator");
        assertThat(networks.members(network, coordinator)).hasSize(1);

        UUID second = UUID.randomUUID();
        networks.addCoordinator(network, coordinator, second);
        assertRefused(() -> networks.addCoordinator(network, second, coordinator), "error.network.coordinator-twice");
        assertThat(networks.coordinators(network, second)).containsExactly(coordinator, second);
        assertThat(networks.coordinatedBy(second)).extracting(NetworkView::id).containsExactly(network);
    }

    @Test
    void recognitionListNamesTheMembersSignedByTheNetworkAndIsRenewedWhenTheyChange() {
        HostedUrls http = new HostedUrls("http://127.0.0.1:8080");
        NetworkId network = networks.create(coordinator, profile("Badgeons le 41"), null, http).id();
        OrganisationId member = organisations.create(memberOwner, "Centre social Éole").id();
        RecognitionLists reader = new RecognitionLists(new OfflineDocumentFetcher(Map.of()), Clock.systemUTC());
        String issuer = lists.published().stream().filter(l -> l.network().equals(network)).findFirst()
                .orElseThrow().issuerId();
        assertThat(issuer).startsWith("did:key:z6Mk");
        assertThat(reader.read(lists.credential(network).orElseThrow(), issuer).entities()).isEmpty();

        Invited invited = networks.invite(network, coordinator, member);
        networks.answer(member, invited.invitation().membership(), memberOwner, true);

        RecognitionLists.Reading reading = reader.read(lists.credential(network).orElseThrow(), issuer);
        assertThat(reading.rejection()).isNull();
        assertThat(reading.issuerName()).isEqualTo("Badgeons le 41");
        assertThat(reading.nameOf(http.ob2Issuer(member.value()))).isEqualTo("Centre social Éole");
        assertThat(reading.nameOf(http.ob3Issuer(member.value()))).isEqualTo("Centre social Éole");
        assertThat(text(lists.registry(network).orElseThrow())).contains("\"registry\"", http.ob2Issuer(member.value()));
        assertThat(text(lists.credential(network).orElseThrow())).contains("VerifiableRecognitionCredential",
                "eddsa-rdfc-2022", "validUntil");

        networks.remove(network, invited.invitation().membership(), coordinator);
        assertThat(reader.read(lists.credential(network).orElseThrow(), issuer).nameOf(http.ob2Issuer(member.value())))
                .isNull();
    }

    static OrganisationProfile profile(String name) {
        return new OrganisationProfile(name, "Un réseau d'organisations qui badgent.", "https://reseau.example.org",
                null, null, "Loir-et-Cher");
    }

    static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo(key));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
