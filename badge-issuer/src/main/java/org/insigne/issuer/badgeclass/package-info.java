/** Badge classes: what a badge recognises, on which criteria, and their life from draft to archive. */
@NullMarked
package org.insigne.issuer.badgeclass;

import org.jspecify.annotations.NullMarked;
