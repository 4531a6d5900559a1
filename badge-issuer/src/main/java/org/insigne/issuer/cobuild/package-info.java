/** Co-built personalised badges: an animator and a person write a badge in the person's words, then award it. */
@NullMarked
package org.insigne.issuer.cobuild;

import org.jspecify.annotations.NullMarked;
