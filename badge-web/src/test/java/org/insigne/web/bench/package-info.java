/** Load benchmark of the public badge page: a server filled with awards, driven by bench/public-page/run.sh. */
@NullMarked
package org.insigne.web.bench;

import org.jspecify.annotations.NullMarked;
