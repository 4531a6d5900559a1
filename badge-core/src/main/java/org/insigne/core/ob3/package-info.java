/** Open Badges 3.0: credential model, structure checks, status lists and the verifier. */
@NullMarked
package org.insigne.core.ob3;

import org.jspecify.annotations.NullMarked;
