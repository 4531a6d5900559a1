/** Applications for a badge: how a badge class takes them, what applicants send, and reviewers' decisions. */
@NullMarked
package org.insigne.issuer.application;

import org.jspecify.annotations.NullMarked;
