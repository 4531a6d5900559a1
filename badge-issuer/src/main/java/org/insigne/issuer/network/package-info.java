/** Networks of issuers: their profiles, coordinators and member organisations. */
@NullMarked
package org.insigne.issuer.network;

import org.jspecify.annotations.NullMarked;
