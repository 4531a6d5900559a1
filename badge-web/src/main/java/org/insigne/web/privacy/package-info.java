/** The earner's data rights: taking all their data away, and erasing their account. */
@NullMarked
package org.insigne.web.privacy;

import org.jspecify.annotations.NullMarked;
