/** Issuing badges: organisations and their staff, badge classes, awards and revocation. */
@NullMarked
package org.insigne.issuer;

import org.jspecify.annotations.NullMarked;
