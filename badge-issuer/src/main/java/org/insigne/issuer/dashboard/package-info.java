/** An organisation's dashboard: award counts per badge class, recent activity, and the audit log to browse. */
@NullMarked
package org.insigne.issuer.dashboard;

import org.jspecify.annotations.NullMarked;
