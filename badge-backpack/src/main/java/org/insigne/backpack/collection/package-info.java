/** The named collections an earner makes from their badges, private or shown at a public address. */
@NullMarked
package org.insigne.backpack.collection;

import org.jspecify.annotations.NullMarked;
