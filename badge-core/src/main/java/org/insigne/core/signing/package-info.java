/**
 * Signatures over badges: compact JWS for Open Badges 2.0 signed assertions, Data Integrity and VC-JWT proofs
 * for 3.0, and the keys that check them.
 */
@NullMarked
package org.insigne.core.signing;

import org.jspecify.annotations.NullMarked;
