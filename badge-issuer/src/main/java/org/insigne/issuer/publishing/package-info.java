/**
 * What the platform publishes for verifiers, at addresses it must keep: the route table of the public documents,
 * the organisations' documents, status lists and the other forms of issued badges (signed, baked).
 */
@NullMarked
package org.insigne.issuer.publishing;

import org.jspecify.annotations.NullMarked;
