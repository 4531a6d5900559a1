/** Images people upload (organisation logos, badge class images): checked by content, SVG made safe to serve. */
@NullMarked
package org.insigne.issuer.image;

import org.jspecify.annotations.NullMarked;
