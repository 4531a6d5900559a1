/** Claim codes for events: a short code that gives a badge, or an application for it, to whoever uses it. */
@NullMarked
package org.insigne.issuer.claimcode;

import org.jspecify.annotations.NullMarked;
