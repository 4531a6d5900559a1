/** Organisation API tokens: created by owners and administrators, shown once, kept only as a hash. */
@NullMarked
package org.insigne.issuer.apitoken;

import org.jspecify.annotations.NullMarked;
