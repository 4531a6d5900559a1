package org.insigne.web.territory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A recruiter's message to an earner. The reply address becomes the mail's {@code Reply-To}: one address, no
 * line break (no header injection), as strict as the sign-up form's.
 */
record ContactForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*") @Nullable String senderName,
        @NotBlank @Email(regexp = "^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$") @Size(max = 254)
        @Nullable String replyTo,
        @NotBlank @Size(min = 10, max = 2000) @Nullable String message) {

    static ContactForm empty() {
        return new ContactForm("", "", "");
    }
}
