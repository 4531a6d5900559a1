package org.insigne.web.platforms;

import java.io.Serializable;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.insigne.core.error.DomainException;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Importer depuis une autre plateforme": the earner names another Open Badges 3.0 host; this platform reads
 * its service description and registers there (once per host), then sends the earner to the host's
 * authorization page through a link (a redirect after this page's form would break its {@code form-action}
 * policy). The host sends them back to the callback with a code, exchanged for tokens, and the import starts
 * in the background; the page shows its progress. Remote calls run on the verification executor, never on the
 * request thread. The {@code state} and PKCE verifier wait in the earner's session, so that only the browser
 * that asked can finish.
 */
@Controller
class PlatformController {

    static final String PAGE = "/backpack/platforms";
    static final String CALLBACK = PAGE + "/callback";
    static final String PENDING = PlatformController.class.getName() + ".pending";

    private static final Logger log = LoggerFactory.getLogger(PlatformController.class);

    /** An authorization asked and not yet answered. */
    record Pending(String state, String verifier, String discoveryUrl, String redirect) implements Serializable {
    }

    private final PlatformClient client;
    private final PlatformConnections connections;
    private final PlatformImporter importer;
    private final Links links;
    private final AsyncTaskExecutor executor;

    PlatformController(PlatformClient client, PlatformConnections connections, PlatformImporter importer, Links links,
                       @Qualifier("verificationExecutor") AsyncTaskExecutor executor) {
        this.client = client;
        this.connections = connections;
        this.importer = importer;
        this.links = links;
        this.executor = executor;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal AccountUser user, Model model) {
        return page(user, model, null);
    }

    private String page(AccountUser user, Model model, @Nullable String error) {
        var list = connections.of(user.id());
        model.addAttribute("connections", list);
        model.addAttribute("running", list.stream().anyMatch(PlatformConnections.ConnectionView::running));
        model.addAttribute("platformError", error);
        return "platforms/platforms";
    }

    @PostMapping(PAGE + "/connect")
    CompletableFuture<String> connect(@RequestParam(defaultValue = "") String address,
                                      @AuthenticationPrincipal AccountUser user, HttpSession session, Model model,
                                      HttpServletResponse response) {
        model.addAttribute("address", address);
        URI discovery;
        try {
            discovery = PlatformClient.discoveryUrl(address);
        } catch (PlatformRefused refused) {
            response.setStatus(400);
            return CompletableFuture.completedFuture(page(user, model, refused.messageKey()));
        }
        String base = links.absolute("");
        URI redirect = URI.create(links.absolute(CALLBACK));
        Pending pending = new Pending(PlatformClient.random(), PlatformClient.random(), discovery.toString(),
                redirect.toString());
        session.setAttribute(PENDING, pending);
        return CompletableFuture.supplyAsync(() -> {
            PlatformConnections.Host host = connections.host(discovery, redirect).orElseGet(() -> {
                PlatformClient.Discovery found = client.discover(discovery);
                return connections.saveHost(found, redirect, client.register(found, base, redirect));
            });
            model.addAttribute("hostName", host.name());
            model.addAttribute("hostAddress", host.authorizationUrl().getHost());
            model.addAttribute("authorizationUrl", PlatformClient.authorizationRequest(host.authorizationUrl(),
                    host.client().clientId(), redirect, pending.state(), pending.verifier()).toString());
            return "platforms/continue";
        }, executor).exceptionally(failed -> refused(failed, user, model, response));
    }

    @GetMapping(CALLBACK)
    CompletableFuture<String> callback(@RequestParam(required = false) @Nullable String state,
                                       @RequestParam(required = false) @Nullable String code,
                                       @RequestParam(required = false) @Nullable String error,
                                       @AuthenticationPrincipal AccountUser user, HttpSession session, Model model,
                                       HttpServletResponse response) {
        Object kept = session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        if (!(kept instanceof Pending pending) || state == null || !state.equals(pending.state())) {
            log.info("Platform authorization answer for account {} with no matching state", user.id());
            response.setStatus(400);
            return CompletableFuture.completedFuture(page(user, model, "platforms.error.state"));
        }
        if (error != null || code == null || code.isBlank()) {
            response.setStatus(400);
            return CompletableFuture.completedFuture(page(user, model, "access_denied".equals(error)
                    ? "platforms.error.denied" : "platforms.error.authorization"));
        }
        URI redirect = URI.create(pending.redirect());
        return CompletableFuture.supplyAsync(() -> {
            PlatformConnections.Host host = connections.host(URI.create(pending.discoveryUrl()), redirect)
                    .orElseThrow(() -> new PlatformRefused("platforms.error.state"));
            PlatformClient.Tokens tokens;
            try {
                tokens = client.exchange(host.tokenUrl(), host.client(), code, redirect, pending.verifier());
            } catch (PlatformRefused refused) {
                if (refused.messageKey().equals("platforms.error.client-unknown")) {
                    connections.forgetHost(host.id());
                }
                throw refused;
            }
            UUID connection = connections.connect(user.id(), host, tokens);
            log.info("Account {} connected to platform {} as connection {}", user.id(), host.id(), connection);
            importer.start(user.id(), connection);
            return "redirect:" + PAGE + "?connected";
        }, executor).exceptionally(failed -> refused(failed, user, model, response));
    }

    @PostMapping(PAGE + "/{id}/import")
    String importAgain(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user) {
        importer.start(user.id(), id);
        return "redirect:" + PAGE + "?started";
    }

    /** Forgets the connection here and asks the host, when it says where, to revoke its tokens. */
    @PostMapping(PAGE + "/{id}/disconnect")
    CompletableFuture<String> disconnect(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user) {
        PlatformConnections.Connection connection = connections.connection(user.id(), id);
        connections.delete(user.id(), id);
        URI revocation = connection.host().revocationUrl();
        return CompletableFuture.supplyAsync(() -> {
            boolean revoked = revocation != null && connection.refreshToken() != null
                    && client.revoke(revocation, connection.host().client(), connection.refreshToken(), "refresh_token");
            if (revocation != null && connection.accessToken() != null) {
                client.revoke(revocation, connection.host().client(), connection.accessToken(), "access_token");
            }
            log.info("Account {} disconnected connection {} (revoked at the host: {})", user.id(), id, revoked);
            return "redirect:" + PAGE + (revoked ? "?disconnected" : "?forgotten");
        }, executor);
    }

    private String refused(Throwable failed, AccountUser user, Model model, HttpServletResponse response) {
        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
        String key;
        if (cause instanceof DomainException refused) {
            key = refused.messageKey();
        } else {
            log.warn("Connecting to another platform failed", cause);
            key = "platforms.error.unreachable";
        }
        response.setStatus(502);
        return page(user, model, key);
    }
}
