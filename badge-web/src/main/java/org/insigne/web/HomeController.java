package org.insigne.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what Insigne is, and the way in for issuers, earners and recruiters. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
