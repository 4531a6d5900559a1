/** Open recognition: badges persons declare for themselves or award to one another, in their own name. */
@NullMarked
package org.insigne.issuer.openrecognition;

import org.jspecify.annotations.NullMarked;
