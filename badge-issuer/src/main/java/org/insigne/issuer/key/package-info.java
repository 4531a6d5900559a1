/** Signing keys of each organisation, their private halves encrypted at rest under the master key. */
@NullMarked
package org.insigne.issuer.key;

import org.jspecify.annotations.NullMarked;
