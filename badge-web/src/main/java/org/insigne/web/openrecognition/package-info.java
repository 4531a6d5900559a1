/** Pages of open recognition: badges persons declare for themselves or award to one another. */
@NullMarked
package org.insigne.web.openrecognition;

import org.jspecify.annotations.NullMarked;
