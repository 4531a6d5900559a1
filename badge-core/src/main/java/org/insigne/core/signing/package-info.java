/** Signing and signature checks: JWS for Open Badges 2.0, Data Integrity and VC-JWT for 3.0, Ed25519 keys. */
@NullMarked
package org.insigne.core.signing;

import org.jspecify.annotations.NullMarked;
