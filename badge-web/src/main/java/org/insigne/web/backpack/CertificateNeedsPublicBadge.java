package org.insigne.web.backpack;

import org.insigne.core.error.DomainException;

/** A certificate sends its readers to the badge's public page, so a private badge has none. */
final class CertificateNeedsPublicBadge extends DomainException {
    CertificateNeedsPublicBadge() {
        super(Kind.CONFLICT, "pdf.certificate.needs-public");
    }
}
