package org.insigne.web.issuer;

import org.jspecify.annotations.Nullable;

/** Why a badge is revoked: published in the revocation list, so written for anyone to read. */
record RevokeForm(@Nullable String reason) {
}
