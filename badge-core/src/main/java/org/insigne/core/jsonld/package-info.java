/** JSON-LD for Open Badges 3.0: bundled contexts, a loader that never fetches, expansion and RDFC-1.0. */
@NullMarked
package org.insigne.core.jsonld;

import org.jspecify.annotations.NullMarked;
