/** The public page of a badge Insigne issued, at the address written in the badge, and its cache. */
@NullMarked
package org.insigne.web.badgepage;

import org.jspecify.annotations.NullMarked;
