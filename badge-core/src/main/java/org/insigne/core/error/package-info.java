/** Domain exceptions shared by the service modules: a kind, a message key and arguments, no wording. */
@NullMarked
package org.insigne.core.error;

import org.jspecify.annotations.NullMarked;
