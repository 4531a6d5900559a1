package org.insigne.web.pdf;

import org.insigne.core.error.DomainException;

/** The layout engine refused a document: the person is told so, in their language, instead of an error page. */
public final class PdfNotRendered extends DomainException {
    PdfNotRendered() {
        super(Kind.CONFLICT, "pdf.error.not-rendered");
    }
}
