/** Organisations that issue badges, and who on their staff may do what. */
@NullMarked
package org.insigne.issuer.organisation;

import org.jspecify.annotations.NullMarked;
