package org.insigne.web.cobuild;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.cobuild.CoBuildService;
import org.insigne.issuer.cobuild.CoBuildStep;
import org.insigne.issuer.cobuild.CoBuildView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The person's side, through the mailed link, without an account: the guided steps, then validating the
 * wording or refusing. The link stays usable, across visits, until the person decides or it expires.
 */
@Controller
class CoBuildLinkController {

    private static final String BASE = "/co-construction/{token}";

    private final CoBuildService coBuilds;
    private final CoBuildPages pages;

    CoBuildLinkController(CoBuildService coBuilds, CoBuildPages pages) {
        this.coBuilds = coBuilds;
        this.pages = pages;
    }

    /** Where someone coming back resumes: the first step still unanswered. */
    @GetMapping(BASE)
    String resume(@PathVariable String token) {
        CoBuildView view = coBuilds.byLink(token);
        return "redirect:/co-construction/" + token + "/steps/" + view.resumeAt().key();
    }

    @GetMapping(BASE + "/steps/{step}")
    String step(@PathVariable String token, @PathVariable String step, Model model) {
        CoBuildView view = coBuilds.byLink(token);
        return pages.step(model, view, CoBuildConsoleController.stepOf(step), StepForm.of(view), base(token), false,
                null);
    }

    @PostMapping(BASE + "/steps/{step}")
    String save(@PathVariable String token, @PathVariable String step, StepForm form,
                @RequestParam(name = "image", required = false) @Nullable MultipartFile image,
                @RequestParam(name = "later", required = false) @Nullable String later,
                Model model, HttpServletResponse response) {
        CoBuildStep current = CoBuildConsoleController.stepOf(step);
        try {
            coBuilds.saveByLink(token, current, form.answers(CoBuildPages.read(image)));
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.GONE) {
                throw refused;
            }
            response.setStatus(CoBuildPages.status(refused));
            return pages.step(model, coBuilds.byLink(token), current, form, base(token), false, refused);
        }
        if (later != null) {
            return "redirect:/co-construction/done?outcome=saved";
        }
        return "redirect:" + base(token) + "/steps/" + current.next().orElse(CoBuildStep.CONSENT).key();
    }

    @PostMapping(BASE + "/consent")
    String consent(@PathVariable String token,
                   @RequestParam(name = "confirmed", required = false) @Nullable String confirmed,
                   Model model, HttpServletResponse response) {
        try {
            coBuilds.consentByLink(token, confirmed != null);
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.GONE) {
                throw refused;
            }
            response.setStatus(CoBuildPages.status(refused));
            CoBuildView view = coBuilds.byLink(token);
            return pages.step(model, view, CoBuildStep.CONSENT, StepForm.of(view), base(token), false, refused);
        }
        return "redirect:/co-construction/done?outcome=consented";
    }

    @PostMapping(BASE + "/refuse")
    String refuse(@PathVariable String token) {
        coBuilds.refuseByLink(token);
        return "redirect:/co-construction/done?outcome=refused";
    }

    /** What the person reads after deciding or stopping: the link then no longer opens the draft, or waits. */
    @GetMapping("/co-construction/done")
    String done(@RequestParam(name = "outcome", required = false) @Nullable String outcome, Model model) {
        String known = "consented".equals(outcome) || "refused".equals(outcome) ? outcome : "saved";
        model.addAttribute("outcome", known);
        return "cobuild/done";
    }

    @GetMapping(BASE + "/image.svg")
    ResponseEntity<byte[]> svg(@PathVariable String token) {
        return pages.svg(coBuilds.byLink(token));
    }

    @GetMapping(BASE + "/image.png")
    ResponseEntity<byte[]> png(@PathVariable String token) {
        return pages.png(coBuilds.byLink(token));
    }

    private static String base(String token) {
        return "/co-construction/" + token;
    }
}
