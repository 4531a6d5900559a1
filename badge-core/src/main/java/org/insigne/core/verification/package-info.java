/** Verification of any badge as a report of checks, each with a stable id and a message key. */
@NullMarked
package org.insigne.core.verification;

import org.jspecify.annotations.NullMarked;
