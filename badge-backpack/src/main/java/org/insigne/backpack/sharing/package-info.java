/** What earners show others of themselves: the public profile and anonymous CVs. */
@NullMarked
package org.insigne.backpack.sharing;

import org.jspecify.annotations.NullMarked;
