/**
 * The learning territory: earners who consent appear on a public map under a pseudonym, at a coarse place, with
 * the public, verified badges they chose; recruiters filter them by skill. Nothing here knows an e-mail address.
 */
@NullMarked
package org.insigne.backpack.territory;

import org.jspecify.annotations.NullMarked;
