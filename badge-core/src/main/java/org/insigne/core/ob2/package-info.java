/** Open Badges 2.0: model, tolerant JSON-LD reading, strict writing, recipient identities and verification. */
@NullMarked
package org.insigne.core.ob2;

import org.jspecify.annotations.NullMarked;
