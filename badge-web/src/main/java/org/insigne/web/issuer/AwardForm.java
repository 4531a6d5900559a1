package org.insigne.web.issuer;

import java.time.LocalDate;
import java.util.UUID;

import org.insigne.issuer.award.AwardRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The award form. {@code formToken} is drawn when the form is shown and sent back hidden, so that a form
 * submitted twice (a double click, a reload) makes one award.
 */
record AwardForm(@Nullable UUID formToken, @Nullable String recipientEmail, @Nullable String recipientName,
                 @Nullable String level, @Nullable String evidenceUrl, @Nullable String evidenceNarrative,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate issuedOn) {

    static AwardForm empty() {
        return new AwardForm(UUID.randomUUID(), "", "", null, "", "", null);
    }

    /** The request for the service; refuses with {@link org.insigne.issuer.award.InvalidAward}. */
    AwardRequest request() {
        return new AwardRequest(formToken == null ? UUID.randomUUID() : formToken, recipientEmail, recipientName,
                level, evidenceUrl, evidenceNarrative, issuedOn);
    }
}
