/** The earner's backpack pages. */
@NullMarked
package org.insigne.web.backpack;

import org.jspecify.annotations.NullMarked;
