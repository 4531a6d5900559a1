package org.insigne.issuer.endorsement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One endorsement, from the request (or the spontaneous offer) to its withdrawal. Once accepted it keeps the
 * OB 3.0 credential exactly as signed, and the bit of the endorser's status lists that withdrawing it sets.
 */
@Entity
@Table(name = "endorsement")
class Endorsement {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private EndorserKind endorserKind;

    private UUID endorserId;

    @Enumerated(EnumType.STRING)
    private EndorsedKind endorsedKind;

    private UUID endorsedId;

    private UUID endorsedOrganisationId;

    @Enumerated(EnumType.STRING)
    private EndorsementStatus status;

    private @Nullable String comment;

    private @Nullable UUID requestedBy;

    private Instant createdAt;

    private @Nullable Instant expiresAt;

    private @Nullable UUID decidedBy;

    private @Nullable Instant decidedAt;

    private @Nullable Instant withdrawnAt;

    private @Nullable Integer statusListIndex;

    private byte @Nullable [] ob3Credential;

    @Version
    private long version;

    protected Endorsement() {
        // for JPA
    }

    private Endorsement(UUID endorser, EndorsedKind endorsedKind, UUID endorsed, UUID endorsedOrganisation,
                        EndorsementStatus status, Instant now) {
        this(EndorserKind.ORGANISATION, endorser, endorsedKind, endorsed, endorsedOrganisation, status, now);
    }

    private Endorsement(EndorserKind endorserKind, UUID endorser, EndorsedKind endorsedKind, UUID endorsed,
                        UUID endorsedOrganisation, EndorsementStatus status, Instant now) {
        this.id = UUID.randomUUID();
        this.endorserKind = endorserKind;
        this.endorserId = endorser;
        this.endorsedKind = endorsedKind;
        this.endorsedId = endorsed;
        this.endorsedOrganisationId = endorsedOrganisation;
        this.status = status;
        this.createdAt = now;
    }

    /** A request the endorsed organisation sends, waiting for the endorser until {@code expiresAt}. */
    static Endorsement requested(UUID endorser, EndorsedKind kind, UUID endorsed, UUID endorsedOrganisation,
                                 UUID requestedBy, Instant now, Instant expiresAt) {
        Endorsement e = new Endorsement(endorser, kind, endorsed, endorsedOrganisation, EndorsementStatus.REQUESTED, now);
        e.requestedBy = requestedBy;
        e.expiresAt = expiresAt;
        return e;
    }

    /** An endorsement the endorser offers unasked; {@link #accept} publishes it at once. */
    static Endorsement offered(UUID endorser, EndorsedKind kind, UUID endorsed, UUID endorsedOrganisation,
                               Instant now) {
        return new Endorsement(endorser, kind, endorsed, endorsedOrganisation, EndorsementStatus.REQUESTED, now);
    }

    /** An endorsement a person offers in their own name ({@code endorser}, their endorser id). */
    static Endorsement offeredByPerson(UUID endorser, EndorsedKind kind, UUID endorsed, UUID endorsedOrganisation,
                                       Instant now) {
        return new Endorsement(EndorserKind.PERSON, endorser, kind, endorsed, endorsedOrganisation,
                EndorsementStatus.REQUESTED, now);
    }

    boolean pending(Instant now) {
        return status == EndorsementStatus.REQUESTED && !expired(now);
    }

    boolean expired(Instant now) {
        return status == EndorsementStatus.REQUESTED && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The endorser says yes with its comment; {@code credential} is the signed OB 3.0 form at bit {@code index}. */
    void accept(UUID userId, String comment, Instant now, int index, byte[] credential) {
        requirePending(now);
        this.status = EndorsementStatus.ACCEPTED;
        this.comment = comment;
        this.decidedBy = userId;
        this.decidedAt = now;
        this.statusListIndex = index;
        this.ob3Credential = credential.clone();
    }

    void decline(UUID userId, Instant now) {
        requirePending(now);
        this.status = EndorsementStatus.DECLINED;
        this.decidedBy = userId;
        this.decidedAt = now;
    }

    /** The endorser takes it back: its status bit is set and its hosted form answers 410 from now on. */
    void withdraw(Instant now) {
        if (status != EndorsementStatus.ACCEPTED) {
            throw EndorsementRefused.notPending();
        }
        this.status = EndorsementStatus.WITHDRAWN;
        this.withdrawnAt = now;
    }

    private void requirePending(Instant now) {
        if (expired(now)) {
            throw EndorsementRefused.expired();
        }
        if (status != EndorsementStatus.REQUESTED) {
            throw EndorsementRefused.notPending();
        }
    }

    EndorsementId id() {
        return new EndorsementId(id);
    }

    EndorserKind endorserKind() {
        return endorserKind;
    }

    UUID endorserId() {
        return endorserId;
    }

    EndorsedKind endorsedKind() {
        return endorsedKind;
    }

    UUID endorsedId() {
        return endorsedId;
    }

    UUID endorsedOrganisationId() {
        return endorsedOrganisationId;
    }

    EndorsementStatus status() {
        return status;
    }

    @Nullable String comment() {
        return comment;
    }

    @Nullable UUID requestedBy() {
        return requestedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant decidedAt() {
        return decidedAt;
    }

    @Nullable Instant withdrawnAt() {
        return withdrawnAt;
    }

    byte @Nullable [] ob3Credential() {
        return ob3Credential == null ? null : ob3Credential.clone();
    }
}
