package org.insigne.web.issuer;

import java.io.IOException;
import java.util.Base64;

import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.InvalidImage;
import org.insigne.issuer.image.StoredImage;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded image field through the one image check, turning a refusal into a field error. An image
 * accepted while another field was refused comes back with the form (as {@code <field>Kept}, base64), so that
 * nobody has to choose it again; it goes through the same check when the form is sent again.
 */
final class UploadedImages {

    /** A chosen image carried by the form shown again, with its preview. */
    public record KeptImage(String mediaType, String base64) {
        public String dataUrl() {
            return "data:" + mediaType + ";base64," + base64;
        }
    }

    private UploadedImages() {
    }

    /**
     * The accepted image, or null when none was sent (an error when {@code required}) or it was refused; a new
     * file wins over the {@code kept} one.
     */
    static @Nullable StoredImage read(@Nullable MultipartFile file, @Nullable String kept, String field,
                                      boolean required, BindingResult errors) {
        if ((file == null || file.isEmpty()) && kept != null && !kept.isBlank()) {
            try {
                return ImageUploads.accept(Base64.getDecoder().decode(kept.strip()));
            } catch (IllegalArgumentException | InvalidImage altered) {
                // not what this form sent back: as if no image came
            }
        }
        if (file == null || file.isEmpty()) {
            if (required) {
                errors.rejectValue(field, "error.image.required");
            }
            return null;
        }
        try {
            // Checked before reading, so that a 10 MB upload is not copied into memory for nothing.
            if (file.getSize() > ImageUploads.MAX_BYTES) {
                throw new InvalidImage(InvalidImage.Why.TOO_LARGE);
            }
            return ImageUploads.accept(file.getBytes());
        } catch (InvalidImage refused) {
            errors.rejectValue(field, refused.messageKey(), refused.args().toArray(), null);
            return null;
        } catch (IOException unreadable) {
            errors.rejectValue(field, "error.image.unreadable");
            return null;
        }
    }

    /** Puts {@code image} into the form shown again, when there is one. */
    static void keep(@Nullable StoredImage image, String field, Model model) {
        if (image != null) {
            model.addAttribute(field + "Kept",
                    new KeptImage(image.mediaType(), Base64.getEncoder().encodeToString(image.bytes())));
        }
    }
}
