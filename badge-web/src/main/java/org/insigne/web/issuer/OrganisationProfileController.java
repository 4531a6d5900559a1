package org.insigne.web.issuer;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.InvalidOrganisationName;
import org.insigne.issuer.organisation.InvalidOrganisationProfile;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editing an organisation's public profile and logo (owners and administrators; the service checks). */
@Controller
class OrganisationProfileController {

    /** Web addresses only: the service checks the host too, this catches the common slips early. */
    static final String WEB_ADDRESS = "^$|^(?i)https?://[^\\s/?#]+[^\\s]*$";

    private static final java.util.regex.Pattern HOST_WITHOUT_SCHEME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+([/?#]\\S*)?");

    record ProfileForm(
            @NotBlank @Size(max = OrganisationService.MAX_NAME_LENGTH) @Nullable String name,
            @Size(max = OrganisationProfile.MAX_DESCRIPTION) @Nullable String description,
            @Size(max = OrganisationProfile.MAX_URL) @Pattern(regexp = WEB_ADDRESS) @Nullable String websiteUrl,
            @Size(max = OrganisationProfile.MAX_EMAIL) @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Nullable String contactEmail,
            @Size(max = OrganisationProfile.MAX_ADDRESS) @Nullable String address,
            @Size(max = OrganisationProfile.MAX_REGION) @Nullable String region,
            @Nullable MultipartFile logo) {

        ProfileForm {
            websiteUrl = withScheme(websiteUrl);
        }

        /**
         * "www.exemple.fr" is how people write their website: completed with https:// rather than refused. Only
         * a host name with a dot (and maybe a path) is completed; anything else is left for validation to judge.
         */
        static @Nullable String withScheme(@Nullable String url) {
            if (url == null) {
                return null;
            }
            String stripped = url.strip();
            return HOST_WITHOUT_SCHEME.matcher(stripped).matches() ? "https://" + stripped : url;
        }

        static ProfileForm of(OrganisationProfile profile) {
            return new ProfileForm(profile.name(), profile.description(), profile.websiteUrl(), profile.contactEmail(),
                    profile.address(), profile.region(), null);
        }
    }

    private final OrganisationService organisations;

    OrganisationProfileController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/console/organisations/{id}/profile")
    String edit(@PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationProfileView profile = organisations.profileToEdit(new OrganisationId(id), CurrentUser.id(authentication));
        model.addAttribute("profile", profile);
        model.addAttribute("form", ProfileForm.of(profile.profile()));
        return "issuer/organisation-profile";
    }

    @PostMapping("/console/organisations/{id}/profile")
    String save(@PathVariable UUID id, @Valid @ModelAttribute("form") ProfileForm form, BindingResult errors,
                @RequestParam(required = false) @Nullable String logoKept,
                Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        // Checked first, so that someone without the right learns nothing from the form's answers.
        OrganisationProfileView current = organisations.profileToEdit(organisation, user);
        StoredImage logo = UploadedImages.read(form.logo(), logoKept, "logo", false, errors);
        if (!errors.hasErrors()) {
            try {
                OrganisationProfile profile = new OrganisationProfile(form.name(), form.description(),
                        form.websiteUrl(), form.contactEmail(), form.address(), form.region());
                organisations.describe(organisation, user, profile, logo);
                redirect.addFlashAttribute("notice", "issuer.profile.saved");
                return "redirect:/console/organisations/" + id;
            } catch (InvalidOrganisationProfile | InvalidOrganisationName invalid) {
                errors.reject(invalid.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        UploadedImages.keep(logo, "logo", model);
        model.addAttribute("profile", current);
        return "issuer/organisation-profile";
    }
}
