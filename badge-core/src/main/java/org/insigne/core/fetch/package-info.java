/** Bounded retrieval of remote documents (size, time, redirects, addresses) and its offline twin. */
@NullMarked
package org.insigne.core.fetch;

import org.jspecify.annotations.NullMarked;
