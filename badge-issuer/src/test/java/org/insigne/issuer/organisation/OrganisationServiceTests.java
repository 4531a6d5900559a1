package org.insigne.issuer.organisation;

import java.util.UUID;

import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class OrganisationServiceTests {

    @Autowired
    OrganisationService service;

    @Test
    void makesTheCreatorItsOwner() {
        UUID user = UUID.randomUUID();
        OrganisationView created = service.create(user, "  Ligue de l'enseignement d'Indre-et-Loire ");

        assertThat(created.name()).isEqualTo("Ligue de l'enseignement d'Indre-et-Loire");
        assertThat(created.role()).isEqualTo(StaffRole.OWNER);
        assertThat(service.organisationsOf(user)).extracting(OrganisationView::id).containsExactly(created.id());
        assertThat(service.organisation(created.id(), user).role()).isEqualTo(StaffRole.OWNER);
    }

    @Test
    void hidesAnOrganisationFromSomeoneOutsideItsStaff() {
        OrganisationView created = service.create(UUID.randomUUID(), "Badgeons la Normandie");
        UUID stranger = UUID.randomUUID();

        assertThat(service.organisationsOf(stranger)).isEmpty();
        assertThatThrownBy(() -> service.organisation(created.id(), stranger))
                .isInstanceOf(OrganisationNotFound.class);
    }

    @Test
    void refusesAnEmptyOrOverlongName() {
        assertThatThrownBy(() -> service.create(UUID.randomUUID(), "   "))
                .isInstanceOf(InvalidOrganisationName.class);
        assertThatThrownBy(() -> service.create(UUID.randomUUID(), "x".repeat(OrganisationService.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(InvalidOrganisationName.class);
    }

    @Test
    void ordersRolesFromOwnerToViewer() {
        assertThat(StaffRole.OWNER.includes(StaffRole.AWARDER)).isTrue();
        assertThat(StaffRole.VIEWER.includes(StaffRole.AWARDER)).isFalse();
    }
}
