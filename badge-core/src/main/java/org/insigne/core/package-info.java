/** Open Badges 2.0 and 3.0 in plain Java: model, formats, baking, signing and verification. */
@NullMarked
package org.insigne.core;

import org.jspecify.annotations.NullMarked;
