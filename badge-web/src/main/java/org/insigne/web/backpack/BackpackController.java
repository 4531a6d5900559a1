package org.insigne.web.backpack;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The earner's backpack. */
@Controller
class BackpackController {

    @GetMapping("/backpack")
    String backpack() {
        return "backpack/backpack";
    }
}
