/**
 * Background work shared by several nodes on one database: named leases, each node's liveness, and the rules
 * by which a queue's rows are claimed once (see {@link org.insigne.issuer.work.Leases}).
 */
@NullMarked
package org.insigne.issuer.work;

import org.jspecify.annotations.NullMarked;
