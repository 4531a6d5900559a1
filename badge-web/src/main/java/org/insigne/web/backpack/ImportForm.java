package org.insigne.web.backpack;

import java.io.IOException;

import org.insigne.backpack.badge.BadgeInput;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import form: an uploaded file, or a pasted URL, JSON or JWS/JWT. A file wins when both are given,
 * including an empty one, so that an empty upload is told apart from an empty form.
 */
record ImportForm(@Nullable MultipartFile file, @Nullable String pasted) {

    /** The input to verify and keep, or null when the form is empty. */
    @Nullable BadgeInput toInput() throws IOException {
        if (file != null && (file.getSize() > 0 || hasName(file))) {
            return BadgeInput.file(file.getBytes());
        }
        String text = pasted == null ? "" : pasted.strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.startsWith("http://") || text.startsWith("https://") ? BadgeInput.url(text) : BadgeInput.text(text);
    }

    /** What to show again in the text area after a refusal: short texts only, never a megabyte token. */
    String pastedToShow() {
        return pasted != null && pasted.length() <= 2000 ? pasted : "";
    }

    private static boolean hasName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name != null && !name.isBlank();
    }
}
