/** Awarding badges, one by one or in batches, the documents signed for each award, and their revocation. */
@NullMarked
package org.insigne.issuer.award;

import org.jspecify.annotations.NullMarked;
