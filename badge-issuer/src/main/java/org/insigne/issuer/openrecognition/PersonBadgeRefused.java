package org.insigne.issuer.openrecognition;

import java.util.List;

import org.insigne.core.error.DomainException;

/** A person's badge refused before anything was signed or kept: each problem names its form field. */
public final class PersonBadgeRefused extends DomainException {

    private final List<PersonBadgeDraft.Problem> problems;

    PersonBadgeRefused(List<PersonBadgeDraft.Problem> problems) {
        super(Kind.INVALID, problems.get(0).messageKey(), problems.get(0).args().toArray());
        this.problems = List.copyOf(problems);
    }

    private PersonBadgeRefused(Kind kind, String field, String messageKey) {
        super(kind, messageKey);
        this.problems = List.of(new PersonBadgeDraft.Problem(field, messageKey, List.of()));
    }

    public List<PersonBadgeDraft.Problem> problems() {
        return problems;
    }

    /** The recipient's address is not an e-mail address. */
    static PersonBadgeRefused recipientInvalid() {
        return new PersonBadgeRefused(Kind.INVALID, "recipient", "error.person-badge.recipient-invalid");
    }

    /** A peer badge to one of the awarder's own addresses: self-declaring is the other path. */
    static PersonBadgeRefused recipientSelf() {
        return new PersonBadgeRefused(Kind.INVALID, "recipient", "error.person-badge.recipient-self");
    }

    /** The awarder already gave this badge to this person, and it is neither declined nor revoked. */
    static PersonBadgeRefused twice() {
        return new PersonBadgeRefused(Kind.CONFLICT, "name", "error.person-badge.twice");
    }

    /** The person has no confirmed address to receive their own badge. */
    static PersonBadgeRefused noConfirmedAddress() {
        return new PersonBadgeRefused(Kind.INVALID, "name", "error.person-badge.no-confirmed-address");
    }

    /** The badge is already revoked (or declined). */
    static PersonBadgeRefused alreadyRevoked() {
        return new PersonBadgeRefused(Kind.CONFLICT, "name", "error.person-badge.already-revoked");
    }

    /** The peer badge was already claimed or declined. */
    static PersonBadgeRefused alreadyDecided() {
        return new PersonBadgeRefused(Kind.CONFLICT, "name", "error.person-badge.already-decided");
    }
}
