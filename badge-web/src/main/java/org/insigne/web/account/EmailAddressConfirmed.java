package org.insigne.web.account;

import java.util.UUID;

/**
 * Published once an account's mailbox proved it owns {@code email} (sign-up confirmation, a password reset,
 * or an added address), after the transaction commits: badges awarded to that address can now be theirs.
 */
public record EmailAddressConfirmed(UUID userId, String email) {
}
