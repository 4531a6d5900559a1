package org.insigne.web.cobuild;

import java.io.IOException;
import java.util.List;

import org.insigne.core.error.DomainException;
import org.insigne.issuer.cobuild.BadgeTemplate;
import org.insigne.issuer.cobuild.CoBuildService;
import org.insigne.issuer.cobuild.CoBuildStep;
import org.insigne.issuer.cobuild.CoBuildView;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.InvalidImage;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.application.Refusals;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the animator's and the person's guided pages share: the step page's model, the uploaded file read with
 * the size checked before it is copied, and the badge image previews.
 */
@Component
class CoBuildPages {

    /** As the public images: an SVG opened on its own runs nothing and loads nothing. */
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final CoBuildService coBuilds;
    private final OrganisationService organisations;

    CoBuildPages(CoBuildService coBuilds, OrganisationService organisations) {
        this.coBuilds = coBuilds;
        this.organisations = organisations;
    }

    /**
     * The step page: {@code base} is where this co-construction's pages live (the console's or the link's),
     * {@code refusal} the message to show at the top, beside the form as typed.
     */
    String step(Model model, CoBuildView view, CoBuildStep step, StepForm form, String base, boolean console,
                @Nullable DomainException refusal) {
        model.addAttribute("coBuild", view);
        model.addAttribute("step", step);
        model.addAttribute("steps", CoBuildStep.count());
        model.addAttribute("previous", step.previous().map(CoBuildStep::key).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("base", base);
        model.addAttribute("console", console);
        model.addAttribute("refusal", refusal);
        model.addAttribute("organisationName", organisations.publicProfile(view.organisation())
                .map(p -> p.profile().name()).orElse(""));
        model.addAttribute("levels", org.insigne.issuer.badgeclass.BadgeClassContent.DEFAULT_LEVELS);
        model.addAttribute("shapes", BadgeTemplate.Shape.values());
        model.addAttribute("colours", BadgeTemplate.Colour.values());
        model.addAttribute("suggestions", step == CoBuildStep.SKILLS ? coBuilds.suggestions(view.organisation())
                : List.of());
        return "cobuild/step";
    }

    static int status(DomainException refusal) {
        return Refusals.status(refusal);
    }

    /** The uploaded file's bytes, or null when none was chosen; a file over the limit is refused unread. */
    static byte @Nullable [] read(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > ImageUploads.MAX_BYTES) {
            throw new InvalidImage(InvalidImage.Why.TOO_LARGE);
        }
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new InvalidImage(InvalidImage.Why.EMPTY);
        }
    }

    ResponseEntity<byte[]> svg(CoBuildView view) {
        StoredImage image = coBuilds.image(view);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SVG_POLICY)
                .cacheControl(CacheControl.noStore())
                .body(image.bytes());
    }

    /** The PNG for platforms that need one: the uploaded PNG, else the template painted; none for an uploaded SVG. */
    ResponseEntity<byte[]> png(CoBuildView view) {
        byte[] png;
        if (view.uploadedImage()) {
            StoredImage uploaded = coBuilds.image(view);
            if (uploaded.isSvg()) {
                return ResponseEntity.notFound().build();
            }
            png = uploaded.bytes();
        } else {
            png = BadgePng.render(BadgeTemplate.layout(view.badgeName() == null ? "" : view.badgeName(),
                    view.level() == null ? "" : view.level(), view.shape(), view.colour()));
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"badge.png\"")
                .cacheControl(CacheControl.noStore())
                .body(png);
    }
}
