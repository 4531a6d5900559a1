/** What earners build from their badges to show others: collections and anonymous CVs. */
@NullMarked
package org.insigne.backpack.sharing;

import org.jspecify.annotations.NullMarked;
