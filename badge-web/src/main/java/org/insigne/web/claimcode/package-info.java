/** Claim codes for events: the issuer's codes and posters, and the page a participant opens with a code. */
@NullMarked
package org.insigne.web.claimcode;

import org.jspecify.annotations.NullMarked;
