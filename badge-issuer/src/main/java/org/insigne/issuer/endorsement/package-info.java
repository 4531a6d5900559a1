/** Endorsements: one party vouching for another's issuer profile or badge class, asked for or offered, and withdrawn. */
@NullMarked
package org.insigne.issuer.endorsement;

import org.jspecify.annotations.NullMarked;
