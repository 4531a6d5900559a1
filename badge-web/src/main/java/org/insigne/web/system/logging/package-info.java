/** What keeps every log line one event: outside text is written with its control characters made visible. */
@NullMarked
package org.insigne.web.system.logging;

import org.jspecify.annotations.NullMarked;
