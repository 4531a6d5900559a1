/** Printable A4 posters with a QR code: an event's claim code, a badge class's "apply for this badge" page. */
@NullMarked
package org.insigne.web.poster;

import org.jspecify.annotations.NullMarked;
