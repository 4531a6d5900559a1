package org.insigne.web.backpack;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.sharing.AnonymousCvService;
import org.insigne.backpack.sharing.CvId;
import org.insigne.backpack.sharing.CvNotFound;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.Links;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Anonymous CVs: the earner picks badges and gets a public page that shows them with their verification and
 * never the earner's name or address (the page template is given no account data at all).
 */
@Controller
class AnonymousCvController {

    private final AnonymousCvService cvs;
    private final BackpackService badges;
    private final Links links;
    private final BadgeListPdfs pdfs;

    AnonymousCvController(AnonymousCvService cvs, BackpackService badges, Links links, BadgeListPdfs pdfs) {
        this.cvs = cvs;
        this.badges = badges;
        this.links = links;
        this.pdfs = pdfs;
    }

    @GetMapping("/backpack/cvs")
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        return listPage(user, model, new CvForm("", null));
    }

    @PostMapping("/backpack/cvs")
    String create(@Valid CvForm form, BindingResult errors, @AuthenticationPrincipal AccountUser user, Model model,
                  HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("formError", true);
            return listPage(user, model, form);
        }
        cvs.create(user.id(), form.labelOrEmpty(), form.badgeIds());
        return "redirect:/backpack/cvs?created";
    }

    @PostMapping("/backpack/cvs/{id}/revoke")
    String revoke(@PathVariable CvId id, @AuthenticationPrincipal AccountUser user) {
        cvs.revoke(user.id(), id);
        return "redirect:/backpack/cvs?revoked";
    }

    @GetMapping("/p/cv/{publicId}")
    String publicCv(@PathVariable String publicId, Model model) {
        model.addAttribute("cv", cvs.publicCv(publicId));
        model.addAttribute("publicId", publicId);
        return "backpack/public-cv";
    }

    /** An anonymous CV as a PDF, for anyone holding its address: what its page shows, nothing that names the earner. */
    @GetMapping("/p/cv/{publicId}/pdf")
    CompletableFuture<ResponseEntity<byte[]>> publicPdf(@PathVariable String publicId, Locale locale) {
        return pdfs.cv(publicId, cvs.publicCv(publicId), locale)
                .thenApply(pdf -> BadgeListPdfs.attachment(pdf.fileName(), pdf.bytes()));
    }

    private String listPage(AccountUser user, Model model, CvForm form) {
        model.addAttribute("cvs", cvs.cvsOf(user.id()));
        model.addAttribute("badges", badges.badgesOf(user.id()));
        model.addAttribute("form", form);
        model.addAttribute("publicBase", links.absolute("/p/cv/"));
        return "backpack/cvs";
    }
}
