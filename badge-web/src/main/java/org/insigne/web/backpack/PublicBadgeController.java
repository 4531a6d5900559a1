package org.insigne.web.backpack;

import org.insigne.backpack.collection.CollectionService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A badge its owner made public, open to anyone at an unguessable address. It says what the badge is and who
 * issued it, never who holds it: the owner decides where to link it from.
 */
@Controller
class PublicBadgeController {

    private final CollectionService collection;

    PublicBadgeController(CollectionService collection) {
        this.collection = collection;
    }

    @GetMapping("/p/badges/{publicId}")
    String badge(@PathVariable String publicId, Model model) {
        model.addAttribute("badge", collection.publicBadge(publicId));
        return "backpack/public-badge";
    }

    @GetMapping("/p/badges/{publicId}/image")
    ResponseEntity<byte[]> image(@PathVariable String publicId) {
        return BadgeImages.serve(collection.publicImage(publicId));
    }
}
