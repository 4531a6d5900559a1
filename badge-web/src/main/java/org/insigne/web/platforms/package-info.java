/** Insigne as an Open Badges 3.0 API consumer: the earner's badges imported from another host. */
@NullMarked
package org.insigne.web.platforms;

import org.jspecify.annotations.NullMarked;
