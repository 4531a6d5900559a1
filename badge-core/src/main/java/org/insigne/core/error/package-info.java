/**
 * Exceptions that carry a message key and arguments, no wording: domain refusals for the service modules,
 * rejected input for the readers.
 */
@NullMarked
package org.insigne.core.error;

import org.jspecify.annotations.NullMarked;
