/**
 * Backups of the database (and of the development master key) into {@code insigne.data-dir/backups}, on a
 * schedule and on demand, and the restore of one into an empty database at start.
 */
@NullMarked
package org.insigne.web.backup;

import org.jspecify.annotations.NullMarked;
