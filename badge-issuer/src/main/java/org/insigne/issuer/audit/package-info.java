/**
 * The audit log of each organisation: who did what, recorded in the transaction of the action itself. It knows
 * other features only by id, so that every feature may write to it without a package cycle.
 */
@NullMarked
package org.insigne.issuer.audit;

import org.jspecify.annotations.NullMarked;
