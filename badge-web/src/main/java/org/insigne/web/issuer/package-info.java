/** The issuer console pages. */
@NullMarked
package org.insigne.web.issuer;

import org.jspecify.annotations.NullMarked;
