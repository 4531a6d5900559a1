package org.insigne.web.issuer;

import java.util.UUID;

import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkNotFound;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.network.RecognitionListService;
import org.insigne.issuer.publishing.HostedUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages of networks (every network, and one with its members and how many badges each awarded) and
 * their recognition lists: the signed credential as it was signed, and the DCC registry.
 */
@Controller
class NetworkPageController {

    static final String NETWORKS = "/reseaux";
    static final String NETWORK = NETWORKS + "/{id}";

    private final NetworkService networks;
    private final RecognitionListService lists;

    NetworkPageController(NetworkService networks, RecognitionListService lists) {
        this.networks = networks;
        this.lists = lists;
    }

    @GetMapping(HostedUrls.OB3_RECOGNITION_LIST)
    ResponseEntity<byte[]> recognitionList(@PathVariable UUID id) {
        return json(lists.credential(new NetworkId(id)).orElseThrow(NetworkNotFound::new), "application/vc+ld+json");
    }

    @GetMapping(HostedUrls.RECOGNITION_REGISTRY)
    ResponseEntity<byte[]> registry(@PathVariable UUID id) {
        return json(lists.registry(new NetworkId(id)).orElseThrow(NetworkNotFound::new), "application/json");
    }

    private static ResponseEntity<byte[]> json(byte[] body, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).cacheControl(CacheControl.noCache())
                .header("Access-Control-Allow-Origin", "*").body(body);
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
        model.addAttribute("listUrl", HostedUrls.PATHS.ob3RecognitionList(id));
        model.addAttribute("registryUrl", HostedUrls.PATHS.recognitionRegistry(id));
        return "hosted/network";
    }
}
