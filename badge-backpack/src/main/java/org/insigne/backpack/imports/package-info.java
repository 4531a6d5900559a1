/** Bringing a badge into a backpack: which verified badges are kept, which are refused and why. */
@NullMarked
package org.insigne.backpack.imports;

import org.jspecify.annotations.NullMarked;
