/** Secrets handed out in links and tokens, and the form the database keeps of them. */
@NullMarked
package org.insigne.issuer.secret;

import org.jspecify.annotations.NullMarked;
