package org.insigne.web.ob3api;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.web.system.SecurityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page where an earner lets an application act for them, or refuses: the application's name, logo and
 * site, its terms and privacy policy, and what each requested scope allows. The answer goes to the
 * authorization server, which sends the earner back to the application.
 */
@Controller
class ConsentController {

    private final RegisteredClientRepository clients;
    private final SecurityHeaders headers;

    ConsentController(RegisteredClientRepository clients, SecurityHeaders headers) {
        this.clients = clients;
        this.headers = headers;
    }

    @GetMapping(Ob3SecurityConfiguration.CONSENT_PAGE)
    String consent(@RequestParam("client_id") String clientId, @RequestParam String scope,
                   @RequestParam String state, Model model, HttpServletResponse response) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ClientRegistrationService.ClientView view = ClientRegistrationService.ClientView.of(client);
        Set<String> scopes = Arrays.stream(scope.split(" ")).filter(Ob3Scopes.ALL::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        model.addAttribute("client", view);
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scopes", List.copyOf(scopes));
        model.addAttribute("scopeKeys", scopes.stream().map(Ob3Scopes::messageKey).toList());
        response.setHeader("Content-Security-Policy", policy(view, client));
        return "ob3api/consent";
    }

    /**
     * The usual policy, widened for this page only: the application's logo may load from its host, and the
     * answer's redirect may lead to its redirect addresses (browsers hold redirects after a form to
     * {@code form-action}).
     */
    private String policy(ClientRegistrationService.ClientView view, RegisteredClient client) {
        String policy = headers.contentSecurityPolicy();
        if (view.logoUri() != null) {
            policy = policy.replace("img-src 'self' data:", "img-src 'self' data: " + origin(view.logoUri()));
        }
        String redirects = client.getRedirectUris().stream().map(URI::create).map(ConsentController::origin)
                .distinct().collect(Collectors.joining(" "));
        return policy.replace("form-action 'self'", "form-action 'self' " + redirects);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
