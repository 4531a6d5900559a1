package org.insigne.web.issuer;

import java.util.UUID;

import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkNotFound;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.publishing.HostedUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages of networks: every network, and one with its members and how many badges each awarded. */
@Controller
class NetworkPageController {

    static final String NETWORKS = "/reseaux";
    static final String NETWORK = NETWORKS + "/{id}";

    private final NetworkService networks;

    NetworkPageController(NetworkService networks) {
        this.networks = networks;
    }

    @GetMapping(NETWORKS)
    String list(Model model) {
        model.addAttribute("networks", networks.all());
        return "hosted/networks";
    }

    @GetMapping(NETWORK)
    String network(@PathVariable UUID id, Model model) {
        model.addAttribute("page", networks.publicNetwork(new NetworkId(id)).orElseThrow(NetworkNotFound::new));
        model.addAttribute("issuerUrl", HostedUrls.PATHS.ob2Issuer(id));
        return "hosted/network";
    }
}
