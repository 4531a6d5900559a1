package org.insigne.issuer.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.secret.SecretHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on an organisation's staff: invitations by e-mail, role changes and removals. Owners and administrators
 * manage the staff, but only an owner touches an owner (promotes, demotes, removes, invites as owner), and an
 * organisation always keeps at least one owner.
 */
@Service
@Transactional(readOnly = true)
public class StaffService {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OrganisationService organisations;
    private final MembershipRepository memberships;
    private final StaffInvitationRepository invitations;
    private final AuditLog audit;
    private final Clock clock;

    StaffService(OrganisationService organisations, MembershipRepository memberships,
                 StaffInvitationRepository invitations, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.organisations = organisations;
        this.memberships = memberships;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** The staff, oldest member first, for any member. */
    public List<MemberView> staff(OrganisationId id, UUID userId) {
        organisations.organisation(id, userId);
        return memberships.findByOrganisationIdOrderByCreatedAtAsc(id.value()).stream()
                .map(m -> new MemberView(m.userId(), m.role(), m.createdAt()))
                .toList();
    }

    /** Invites {@code email} with {@code role}; the caller mails the returned token. */
    @Transactional
    public InvitationIssued invite(OrganisationId id, UUID userId, String email, StaffRole role) {
        OrganisationView organisation = organisations.requireRole(id, userId, StaffRole.ADMIN);
        if (role == StaffRole.OWNER && organisation.role() != StaffRole.OWNER) {
            throw new StaffRoleInsufficient();
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidInvitationAddress();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StaffInvitation invitation = invitations.save(new StaffInvitation(id, address, role, SecretHash.of(token),
                userId, clock.instant().plus(INVITATION_VALIDITY), clock.instant()));
        log.info("Invitation {} to organisation {} as {} sent by user {}", invitation.id(), id.value(), role, userId);
        audit.record(id.value(), userId, AuditAction.STAFF_INVITED, invitation.id(), Map.of("email", AuditLog.masked(address), "role", role.name()));
        return new InvitationIssued(token, new InvitationView(id, organisation.name(), address, role,
                invitation.expiresAt()));
    }

    /** An open invitation, shown to its recipient before they accept. */
    public InvitationView invitation(String token) {
        StaffInvitation invitation = find(token);
        invitation.checkOpen(clock.instant());
        return viewOf(invitation);
    }

    /**
     * Accepts an invitation for the signed-in account, whose confirmed address must be the one invited. Someone
     * already on the staff keeps the higher of their role and the invited one.
     */
    @Transactional
    public OrganisationView accept(String token, UUID userId, String confirmedEmail) {
        StaffInvitation invitation = find(token);
        invitation.checkOpen(clock.instant());
        if (!invitation.email().equals(confirmedEmail.strip().toLowerCase(Locale.ROOT))) {
            throw new InvitationForAnotherAddress();
        }
        invitation.accept(userId, clock.instant());
        OrganisationId id = invitation.organisationId();
        memberships.findByOrganisationIdAndUserId(id.value(), userId).ifPresentOrElse(
                existing -> {
                    if (invitation.role().includes(existing.role())) {
                        existing.changeRole(invitation.role());
                    }
                },
                () -> memberships.save(new Membership(id, userId, invitation.role(), clock.instant())));
        log.info("Invitation {} accepted by user {}", invitation.id(), userId);
        audit.record(id.value(), userId, AuditAction.STAFF_INVITATION_ACCEPTED, userId, Map.of("role", invitation.role().name(), "invitation", invitation.id().toString()));
        return organisations.organisation(id, userId);
    }

    /** Gives {@code memberId} another role. */
    @Transactional
    public void changeRole(OrganisationId id, UUID userId, UUID memberId, StaffRole newRole) {
        OrganisationView organisation = organisations.requireRole(id, userId, StaffRole.ADMIN);
        Membership member = member(id, memberId);
        if ((member.role() == StaffRole.OWNER || newRole == StaffRole.OWNER) && organisation.role() != StaffRole.OWNER) {
            throw new StaffRoleInsufficient();
        }
        if (member.role() == StaffRole.OWNER && newRole != StaffRole.OWNER) {
            keepAnOwnerBesides(id);
        }
        member.changeRole(newRole);
        log.info("User {} now {} of organisation {}, changed by user {}", memberId, newRole, id.value(), userId);
        audit.record(id.value(), userId, AuditAction.STAFF_ROLE_CHANGED, memberId, Map.of("role", newRole.name()));
    }

    /** Takes {@code memberId} off the staff. */
    @Transactional
    public void remove(OrganisationId id, UUID userId, UUID memberId) {
        OrganisationView organisation = organisations.requireRole(id, userId, StaffRole.ADMIN);
        Membership member = member(id, memberId);
        if (member.role() == StaffRole.OWNER) {
            if (organisation.role() != StaffRole.OWNER) {
                throw new StaffRoleInsufficient();
            }
            keepAnOwnerBesides(id);
        }
        memberships.delete(member);
        log.info("User {} removed from organisation {} by user {}", memberId, id.value(), userId);
        audit.record(id.value(), userId, AuditAction.STAFF_MEMBER_REMOVED, memberId, Map.of("role", member.role().name()));
    }

    /**
     * Takes {@code userId} off every staff, when they delete their account. An organisation they were the last
     * owner of is handed to its longest-serving administrator, else to its longest-serving member; with nobody
     * left it keeps no staff: nobody can award from it any more, but the badges it issued stay verifiable.
     *
     * @return how many memberships were removed
     */
    @Transactional
    public int leaveAll(UUID userId) {
        List<Membership> own = memberships.findByUserId(userId);
        for (Membership membership : own) {
            OrganisationId organisation = membership.organisationId();
            memberships.delete(membership);
            memberships.flush();
            if (membership.role() == StaffRole.OWNER
                    && memberships.countByOrganisationIdAndRole(organisation.value(), StaffRole.OWNER) == 0) {
                List<Membership> others = memberships.findByOrganisationIdOrderByCreatedAtAsc(organisation.value());
                others.stream().filter(m -> m.role() == StaffRole.ADMIN).findFirst()
                        .or(() -> others.stream().findFirst())
                        .ifPresentOrElse(heir -> {
                            heir.changeRole(StaffRole.OWNER);
                            log.info("User {} now owner of organisation {}: its last owner left", heir.userId(),
                                    organisation.value());
                        }, () -> log.info("Organisation {} has no staff left", organisation.value()));
            }
        }
        log.info("User {} left {} organisations", userId, own.size());
        return own.size();
    }

    private void keepAnOwnerBesides(OrganisationId id) {
        if (memberships.countByOrganisationIdAndRole(id.value(), StaffRole.OWNER) <= 1) {
            throw new OrganisationWithoutOwner();
        }
    }

    private Membership member(OrganisationId id, UUID memberId) {
        return memberships.findByOrganisationIdAndUserId(id.value(), memberId)
                .orElseThrow(() -> new MemberNotFound(memberId));
    }

    private StaffInvitation find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            throw new InvalidInvitation(InvalidInvitation.Why.UNKNOWN);
        }
        return invitations.findByTokenHash(SecretHash.of(token))
                .orElseThrow(() -> new InvalidInvitation(InvalidInvitation.Why.UNKNOWN));
    }

    private InvitationView viewOf(StaffInvitation invitation) {
        OrganisationId id = invitation.organisationId();
        return new InvitationView(id, organisations.name(id), invitation.email(), invitation.role(),
                invitation.expiresAt());
    }
}
