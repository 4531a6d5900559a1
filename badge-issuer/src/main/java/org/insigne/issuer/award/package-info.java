/** Awarding a badge to one person, the signed documents published for it, and its revocation. */
@NullMarked
package org.insigne.issuer.award;

import org.jspecify.annotations.NullMarked;
