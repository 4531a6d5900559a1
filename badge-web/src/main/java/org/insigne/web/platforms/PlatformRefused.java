package org.insigne.web.platforms;

import org.insigne.core.error.DomainException;

/**
 * Another platform, or what it answered, stopped a connection or an import: unreachable, not an Open Badges 3.0
 * host, registration or consent refused, a token response not as OAuth 2.0 says. The key says which.
 */
final class PlatformRefused extends DomainException {

    PlatformRefused(String messageKey) {
        super(Kind.INVALID, messageKey);
    }
}
