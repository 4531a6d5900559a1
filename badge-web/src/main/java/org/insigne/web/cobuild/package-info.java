/** Pages of co-built personalised badges: the animator's console and the person's guided page and link. */
@NullMarked
package org.insigne.web.cobuild;

import org.jspecify.annotations.NullMarked;
