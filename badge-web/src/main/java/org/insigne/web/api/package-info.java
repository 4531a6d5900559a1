/** The JSON API: verification of any badge, and later issuing and backpack operations. */
@NullMarked
package org.insigne.web.api;

import org.jspecify.annotations.NullMarked;
