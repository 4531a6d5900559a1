/** Signed webhooks: organisations' endpoints, the outbox written with each change, and its delivery log. */
@NullMarked
package org.insigne.issuer.webhook;

import org.jspecify.annotations.NullMarked;
