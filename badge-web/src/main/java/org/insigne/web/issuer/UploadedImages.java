package org.insigne.web.issuer;

import java.io.IOException;

import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.InvalidImage;
import org.insigne.issuer.image.StoredImage;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** Reads an uploaded image field through the one image check, turning a refusal into a field error. */
final class UploadedImages {

    private UploadedImages() {
    }

    /** The accepted image, or null when none was sent (an error when {@code required}) or it was refused. */
    static @Nullable StoredImage read(@Nullable MultipartFile file, String field, boolean required,
                                      BindingResult errors) {
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
}
