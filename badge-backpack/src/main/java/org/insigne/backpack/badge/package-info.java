/** The badges an earner keeps: what each one is, whether it still verifies, and whether it is public. */
@NullMarked
package org.insigne.backpack.badge;

import org.jspecify.annotations.NullMarked;
