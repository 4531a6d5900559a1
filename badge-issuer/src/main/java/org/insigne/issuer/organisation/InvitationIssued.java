package org.insigne.issuer.organisation;

/**
 * A fresh invitation with the raw token to mail; the token is never stored, so this is the only moment it exists.
 */
public record InvitationIssued(String token, InvitationView invitation) {

    @Override
    public String toString() {
        return "InvitationIssued[" + invitation.organisationId() + ", " + invitation.role() + "]";
    }
}
