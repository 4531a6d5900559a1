package org.insigne.issuer.audit;

/**
 * What an audit entry records, with the kind of thing it acted on. The name is the stored code: add constants,
 * never rename them, since old entries keep theirs.
 */
public enum AuditAction {
    ORGANISATION_CREATED(Subject.ORGANISATION),
    ORGANISATION_PROFILE_CHANGED(Subject.ORGANISATION),
    STAFF_INVITED(Subject.INVITATION),
    STAFF_INVITATION_ACCEPTED(Subject.MEMBER),
    STAFF_ROLE_CHANGED(Subject.MEMBER),
    STAFF_MEMBER_REMOVED(Subject.MEMBER),
    BADGE_CLASS_CREATED(Subject.BADGE_CLASS),
    BADGE_CLASS_EDITED(Subject.BADGE_CLASS),
    BADGE_CLASS_IMAGE_CHANGED(Subject.BADGE_CLASS),
    BADGE_CLASS_PUBLISHED(Subject.BADGE_CLASS),
    BADGE_CLASS_ARCHIVED(Subject.BADGE_CLASS),
    AWARD_CREATED(Subject.AWARD),
    AWARD_REVOKED(Subject.AWARD),
    AWARD_CLAIMED(Subject.AWARD),
    SIGNING_KEY_GENERATED(Subject.SIGNING_KEY),
    SIGNING_KEYS_ROTATED(Subject.ORGANISATION),
    API_TOKEN_CREATED(Subject.API_TOKEN),
    API_TOKEN_REVOKED(Subject.API_TOKEN),
    APPLICATIONS_OPENED(Subject.BADGE_CLASS),
    APPLICATION_SUBMITTED(Subject.APPLICATION),
    APPLICATION_CHANGES_REQUESTED(Subject.APPLICATION),
    APPLICATION_AWARDED(Subject.APPLICATION),
    APPLICATION_REFUSED(Subject.APPLICATION),
    APPLICATION_WITHDRAWN(Subject.APPLICATION),
    ENDORSEMENT_REQUESTED(Subject.ENDORSEMENT),
    ENDORSEMENT_ACCEPTED(Subject.ENDORSEMENT),
    ENDORSEMENT_DECLINED(Subject.ENDORSEMENT),
    ENDORSEMENT_WITHDRAWN(Subject.ENDORSEMENT),
    CLAIM_CODE_CREATED(Subject.CLAIM_CODE),
    CLAIM_CODE_CLOSED(Subject.CLAIM_CODE),
    APPLICATION_APPROVED(Subject.APPLICATION);

    /** The kind of thing an entry's subject id names. */
    public enum Subject {
        ORGANISATION, INVITATION, MEMBER, BADGE_CLASS, AWARD, SIGNING_KEY, API_TOKEN, APPLICATION, ENDORSEMENT,
        CLAIM_CODE
    }

    private final Subject subject;

    AuditAction(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }
}
