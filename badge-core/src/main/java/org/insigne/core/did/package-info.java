/** Decentralised identifiers: did:key decoded locally, did:web and key URLs fetched through core.fetch. */
@NullMarked
package org.insigne.core.did;

import org.jspecify.annotations.NullMarked;
