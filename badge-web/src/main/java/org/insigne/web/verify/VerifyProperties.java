package org.insigne.web.verify;

import org.insigne.core.ob3.StatusListTrust;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How verification judges what it reads. {@code statusListTrust}: whose OB 3.0 status list credentials are
 * believed (vc-bitstring-status-list §3.2 leaves it to the verifier): {@code ANY_VERIFIED_ISSUER} reads a list
 * signed by a third party whose proof verifies, with a warning naming it; {@code ISSUER_ONLY} believes only
 * the badge's own issuer and leaves the verdict indeterminate otherwise.
 */
@ConfigurationProperties("insigne.verify")
record VerifyProperties(@DefaultValue("ANY_VERIFIED_ISSUER") StatusListTrust statusListTrust) {
}
