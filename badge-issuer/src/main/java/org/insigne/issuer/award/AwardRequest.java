package org.insigne.issuer.award;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.insigne.issuer.organisation.OrganisationProfile;
import org.jspecify.annotations.Nullable;

/**
 * What the issuer says when awarding, checked when built: a plausible e-mail address (kept lower-case, as it is
 * hashed), a name, a level, an http(s) evidence address and/or a narrative, and the issue date (today when
 * absent). {@code formToken} comes from the form: a second submission of the same form is the same award.
 */
public record AwardRequest(UUID formToken, String recipientEmail, String recipientName, String level,
                           @Nullable String evidenceUrl, @Nullable String evidenceNarrative,
                           @Nullable LocalDate issuedOn) {

    public static final int MAX_EMAIL = 254;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 500;
    public static final int MAX_NARRATIVE = 5000;
    public static final int MAX_REASON = 500;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public AwardRequest {
        Objects.requireNonNull(formToken, "formToken");
        recipientEmail = recipientEmail == null ? "" : recipientEmail.strip().toLowerCase(Locale.ROOT);
        if (recipientEmail.length() > MAX_EMAIL || !EMAIL.matcher(recipientEmail).matches()) {
            throw new InvalidAward("email");
        }
        recipientName = recipientName == null ? "" : recipientName.strip();
        if (recipientName.isEmpty() || recipientName.length() > MAX_NAME) {
            throw new InvalidAward("name");
        }
        level = level == null ? "" : level.strip();
        if (level.isEmpty()) {
            throw new InvalidAward("level");
        }
        evidenceUrl = blankToNull(evidenceUrl);
        if (evidenceUrl != null && (evidenceUrl.length() > MAX_URL || !OrganisationProfile.isWebAddress(evidenceUrl))) {
            throw new InvalidAward("evidence-url");
        }
        evidenceNarrative = blankToNull(evidenceNarrative);
        if (evidenceNarrative != null && evidenceNarrative.length() > MAX_NARRATIVE) {
            throw new InvalidAward("evidence-narrative");
        }
    }

    /** True when {@code value} (already stripped and lower-cased) looks like an address this form accepts. */
    public static boolean isPlausibleEmail(String value) {
        return value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches();
    }

    boolean hasEvidence() {
        return evidenceUrl != null || evidenceNarrative != null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
