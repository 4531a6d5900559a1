package org.insigne.web.backpack;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.collection.BadgeCollectionService;
import org.insigne.backpack.collection.BadgeCollectionView;
import org.insigne.backpack.collection.CollectionId;
import org.insigne.backpack.collection.CollectionNotFound;
import org.insigne.backpack.badge.BadgeId;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The earner's collections of badges, and a shared collection's public page. */
@Controller
class BadgeCollectionController {

    private final BadgeCollectionService collections;
    private final BackpackService badges;
    private final Links links;
    private final BadgeListPdfs pdfs;

    BadgeCollectionController(BadgeCollectionService collections, BackpackService badges, Links links,
                              BadgeListPdfs pdfs) {
        this.collections = collections;
        this.badges = badges;
        this.links = links;
        this.pdfs = pdfs;
    }

    @GetMapping("/backpack/collections")
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        return listPage(user, model, new CollectionForm("", "", null));
    }

    @PostMapping("/backpack/collections")
    String create(@Valid CollectionForm form, BindingResult errors, @AuthenticationPrincipal AccountUser user,
                  Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("formError", true);
            return listPage(user, model, form);
        }
        BadgeCollectionView created = collections.create(user.id(), form.nameOrEmpty(), form.description(),
                form.badgeIds());
        return "redirect:/backpack/collections/" + created.id().value() + "?created";
    }

    @GetMapping("/backpack/collections/{id}")
    String show(@PathVariable CollectionId id, @AuthenticationPrincipal AccountUser user, Model model) {
        BadgeCollectionView collection = collections.collection(user.id(), id);
        return showPage(user, model, collection);
    }

    @PostMapping("/backpack/collections/{id}")
    String update(@PathVariable("id") CollectionId collection, @Valid CollectionForm form, BindingResult errors,
                  @AuthenticationPrincipal AccountUser user, Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("formError", true);
            return showPage(user, model, collections.collection(user.id(), collection));
        }
        collections.update(user.id(), collection, form.nameOrEmpty(), form.description(), form.badgeIds());
        return "redirect:/backpack/collections/" + collection.value() + "?saved";
    }

    @PostMapping("/backpack/collections/{id}/move")
    String move(@PathVariable("id") CollectionId collection, @RequestParam BadgeId badge, @RequestParam int step,
                @AuthenticationPrincipal AccountUser user) {
        collections.move(user.id(), collection, badge, step);
        return "redirect:/backpack/collections/" + collection.value();
    }

    @PostMapping("/backpack/collections/{id}/visibility")
    String visibility(@PathVariable("id") CollectionId collection, @RequestParam boolean shared, @AuthenticationPrincipal AccountUser user) {
        if (shared) {
            collections.makePublic(user.id(), collection);
        } else {
            collections.makePrivate(user.id(), collection);
        }
        return "redirect:/backpack/collections/" + collection.value();
    }

    @PostMapping("/backpack/collections/{id}/delete")
    String delete(@PathVariable CollectionId id, @AuthenticationPrincipal AccountUser user) {
        collections.delete(user.id(), id);
        return "redirect:/backpack/collections?deleted";
    }

    /** The collection as a PDF, for its owner, private badges included (without an address). */
    @GetMapping("/backpack/collections/{id}/pdf")
    CompletableFuture<ResponseEntity<byte[]>> pdf(@PathVariable CollectionId id,
                                                  @AuthenticationPrincipal AccountUser user, Locale locale) {
        return pdfs.collection(collections.collection(user.id(), id), locale)
                .thenApply(pdf -> BadgeListPdfs.attachment(pdf.fileName(), pdf.bytes()));
    }

    /** A public collection as a PDF, for anyone: what its page shows. */
    @GetMapping("/p/collections/{publicId}/pdf")
    CompletableFuture<ResponseEntity<byte[]>> publicPdf(@PathVariable String publicId, Locale locale) {
        return pdfs.collection(collections.publicCollection(publicId), locale)
                .thenApply(pdf -> BadgeListPdfs.attachment(pdf.fileName(), pdf.bytes()));
    }

    @GetMapping("/p/collections/{publicId}")
    String publicCollection(@PathVariable String publicId, Model model) {
        model.addAttribute("collection", collections.publicCollection(publicId));
        return "backpack/public-collection";
    }

    private String listPage(AccountUser user, Model model, CollectionForm form) {
        model.addAttribute("collections", collections.collectionsOf(user.id()));
        model.addAttribute("badges", badges.badgesOf(user.id()));
        model.addAttribute("form", form);
        return "backpack/collections";
    }

    private String showPage(AccountUser user, Model model, BadgeCollectionView collection) {
        model.addAttribute("collection", collection);
        model.addAttribute("badges", badges.badgesOf(user.id()));
        model.addAttribute("chosen", collection.badges().stream().map(b -> b.id().value().toString()).toList());
        model.addAttribute("publicUrl", links.absolute("/p/collections/" + collection.publicId()));
        return "backpack/collection";
    }
}
