package org.insigne.issuer.endorsement;

import org.insigne.core.error.DomainException;

/** An endorsement asked for, offered, accepted or withdrawn against the rules; nothing was changed. */
public final class EndorsementRefused extends DomainException {

    private EndorsementRefused(Kind kind, String messageKey, Object... args) {
        super(kind, messageKey, args);
    }

    /** An organisation endorsing itself or its own badge class. */
    static EndorsementRefused self() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.self");
    }

    /** A person endorsing an organisation they are staff of, or one of its badge classes. */
    static EndorsementRefused selfAsStaff() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.self-staff");
    }

    /** The person already endorses it in their own name. */
    static EndorsementRefused twiceByPerson() {
        return new EndorsementRefused(Kind.CONFLICT, "error.endorsement.twice-person");
    }

    /** The endorser already endorses it, or was already asked and has not answered. */
    static EndorsementRefused twice() {
        return new EndorsementRefused(Kind.CONFLICT, "error.endorsement.twice");
    }

    /** The badge class is archived, a draft or gone, or the organisation is gone. */
    static EndorsementRefused targetUnavailable() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.target-unavailable");
    }

    /** The endorser organisation does not exist (or is not public). */
    static EndorsementRefused endorserUnknown() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.endorser-unknown");
    }

    static EndorsementRefused commentMissing() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.comment-missing");
    }

    static EndorsementRefused commentTooLong(int max) {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.comment-too-long", max);
    }

    /** The request passed its date: the organisation that asked must ask again. */
    static EndorsementRefused expired() {
        return new EndorsementRefused(Kind.GONE, "error.endorsement.expired");
    }

    /** Accepting or declining what was already answered, or withdrawing what is not published. */
    static EndorsementRefused notPending() {
        return new EndorsementRefused(Kind.CONFLICT, "error.endorsement.not-pending");
    }

    /** The person without an account gave no name. */
    static EndorsementRefused nameMissing() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.name-missing");
    }

    static EndorsementRefused websiteInvalid() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.website-invalid");
    }

    static EndorsementRefused fieldTooLong(int max) {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.field-too-long", max);
    }

    /** The address to ask is not an e-mail address. */
    static EndorsementRefused emailInvalid() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.email-invalid");
    }

    /** An earner asking themselves, or answering their own request. */
    static EndorsementRefused selfEarner() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.self-earner");
    }

    /** A link that never existed, or whose token was replaced by the reminder's. */
    static EndorsementRefused linkInvalid() {
        return new EndorsementRefused(Kind.GONE, "error.endorsement.link-invalid");
    }

    /** An organisation asking a member of its own staff: that would be endorsing itself. */
    static EndorsementRefused askedStaff() {
        return new EndorsementRefused(Kind.INVALID, "error.endorsement.asked-staff");
    }

    /** The person's link passed its date: the earner must ask again. */
    static EndorsementRefused linkExpired() {
        return new EndorsementRefused(Kind.GONE, "error.endorsement.link-expired");
    }

    /** A link already answered (or declined): it works once. */
    static EndorsementRefused linkUsed() {
        return new EndorsementRefused(Kind.GONE, "error.endorsement.link-used");
    }
}
