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

    private @Nullable String inviteeEmail;

    private @Nullable String linkHash;

    private @Nullable Instant remindedAt;

    private @Nullable String mailLocale;

    private @Nullable String mailBase;

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

    /**
     * {@code asker} (an earner about their award, or an organisation's administrator about it or one of its badge
     * classes) asks the person at {@code email} to endorse it; the endorser is not known until the person answers
     * through the link whose token hashes to {@code linkHash}.
     */
    static Endorsement askedOfPerson(EndorsedKind kind, UUID endorsed, UUID endorsedOrganisation, UUID asker,
                                     String email, String linkHash, String locale, String base, Instant now,
                                     Instant expiresAt) {
        // The endorser id is a placeholder (the asker's) until the person answers: the column is not null.
        Endorsement e = new Endorsement(EndorserKind.PERSON, asker, kind, endorsed, endorsedOrganisation,
                EndorsementStatus.REQUESTED, now);
        e.requestedBy = asker;
        e.expiresAt = expiresAt;
        e.inviteeEmail = email;
        e.linkHash = linkHash;
        e.mailLocale = locale;
        e.mailBase = base;
        return e;
    }

    /** The person asked writes their endorsement, as endorser {@code person}; the earner decides next. */
    void submit(UUID person, String comment, Instant now) {
        requirePending(now);
        this.endorserId = person;
        this.status = EndorsementStatus.SUBMITTED;
        this.comment = comment;
    }

    /** The reminder is sent with a new link, replacing the first one's. */
    void remind(String newLinkHash, Instant now) {
        this.linkHash = newLinkHash;
        this.remindedAt = now;
    }

    /**
     * The endorser erases what is kept about them: a published endorsement is withdrawn (it reads as revoked), one
     * not yet decided is dropped; the words and the signed credential are deleted either way.
     */
    void erase(Instant now) {
        if (status == EndorsementStatus.ACCEPTED || status == EndorsementStatus.SUBMITTED) {
            this.status = EndorsementStatus.WITHDRAWN;
            this.withdrawnAt = now;
        }
        this.comment = null;
        this.ob3Credential = null;
        this.inviteeEmail = null;
        this.linkHash = null;
    }

    boolean pending(Instant now) {
        return status == EndorsementStatus.REQUESTED && !expired(now);
    }

    boolean expired(Instant now) {
        return status == EndorsementStatus.REQUESTED && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The endorser says yes with its comment; {@code credential} is the signed OB 3.0 form at bit {@code index}. */
    void accept(UUID userId, String comment, Instant now, int index, byte[] credential) {
        if (status != EndorsementStatus.SUBMITTED) {
            requirePending(now);
        }
        this.status = EndorsementStatus.ACCEPTED;
        this.comment = comment;
        this.decidedBy = userId;
        this.decidedAt = now;
        this.statusListIndex = index;
        this.ob3Credential = credential.clone();
    }

    void decline(UUID userId, Instant now) {
        if (status != EndorsementStatus.SUBMITTED) {
            requirePending(now);
        }
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

    @Nullable String inviteeEmail() {
        return inviteeEmail;
    }

    @Nullable String mailBase() {
        return mailBase;
    }

    @Nullable String mailLocale() {
        return mailLocale;
    }

    byte @Nullable [] ob3Credential() {
        return ob3Credential == null ? null : ob3Credential.clone();
    }
}
