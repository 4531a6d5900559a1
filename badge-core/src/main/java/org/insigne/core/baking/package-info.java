/** Baking an Open Badge into a PNG or SVG image and getting it back out (OB 2.0 baking spec, OB 3.0 docformat). */
@NullMarked
package org.insigne.core.baking;

import org.jspecify.annotations.NullMarked;
