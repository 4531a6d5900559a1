/** Signatures over badges: compact JWS for Open Badges 2.0 signed assertions and the keys that check them. */
@NullMarked
package org.insigne.core.signing;

import org.jspecify.annotations.NullMarked;
