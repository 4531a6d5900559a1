/** Public verification pages. */
@NullMarked
package org.insigne.web.verify;

import org.jspecify.annotations.NullMarked;
