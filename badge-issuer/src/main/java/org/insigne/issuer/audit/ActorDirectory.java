package org.insigne.issuer.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * The e-mail address of a user, which the audit log keeps as it was when they acted. Accounts live in the web
 * module, which provides the implementation.
 */
@FunctionalInterface
public interface ActorDirectory {

    Optional<String> emailOf(UUID userId);
}
