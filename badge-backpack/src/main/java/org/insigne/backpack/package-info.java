/** Earners' backpacks: the badges they collected, from Insigne or any other platform, and what they share. */
@NullMarked
package org.insigne.backpack;

import org.jspecify.annotations.NullMarked;
