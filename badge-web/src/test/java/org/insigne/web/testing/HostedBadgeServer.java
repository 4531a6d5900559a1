package org.insigne.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * An issuer's web site on 127.0.0.1 publishing one Open Badges 2.0 hosted assertion, its badge class and its
 * issuer profile, as another platform would. Used with {@code insigne.fetch.allow-loopback=true}.
 */
public final class HostedBadgeServer implements AutoCloseable {

    public static final String RECIPIENT = "camille.martin@example.org";

    private final HttpServer server;
    private final Map<String, Response> documents = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final IdentityObject recipient;

    private record Response(int status, String contentType, byte[] body) {
    }

    private HostedBadgeServer(String recipientEmail) {
        recipient = IdentityObject.hashedEmail(recipientEmail);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            Response response = documents.getOrDefault(exchange.getRequestURI().getPath(),
                    new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length);
            exchange.getResponseBody().write(response.body());
            exchange.close();
        });
        server.start();
    }

    /** A server publishing a valid hosted badge at {@link #assertionUrl()}. */
    public static HostedBadgeServer start() {
        return start(RECIPIENT);
    }

    /** A server publishing a valid hosted badge awarded to {@code recipientEmail} at {@link #assertionUrl()}. */
    public static HostedBadgeServer start(String recipientEmail) {
        HostedBadgeServer site = new HostedBadgeServer(recipientEmail);
        site.publish("/issuer", site.issuer());
        site.publish("/badge", site.badgeClass());
        site.publish("/assertions/1", site.assertion());
        return site;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String assertionUrl() {
        return url("/assertions/1");
    }

    public ObjectNode issuer() {
        ObjectNode issuer = object();
        issuer.put("id", url("/issuer"));
        issuer.put("type", "Issuer");
        issuer.put("name", "Ligue de l'enseignement d'Indre-et-Loire");
        issuer.put("url", url("/"));
        issuer.put("email", "contact@ligue37.example");
        return issuer;
    }

    public ObjectNode badgeClass() {
        ObjectNode badge = object();
        badge.put("id", url("/badge"));
        badge.put("type", "BadgeClass");
        badge.put("name", "Animateur bénévole");
        badge.put("description", "A animé un atelier pour des enfants pendant une saison.");
        badge.put("image", url("/badge.png"));
        badge.putObject("criteria").put("narrative", "Animer au moins dix séances d'atelier.");
        badge.put("issuer", url("/issuer"));
        return badge;
    }

    /** The hosted assertion, as published (a fresh copy each call, same recipient salt). */
    public ObjectNode assertion() {
        ObjectNode assertion = object();
        assertion.put("id", assertionUrl());
        assertion.put("type", "Assertion");
        assertion.set("recipient", recipient.json());
        assertion.put("badge", url("/badge"));
        assertion.putObject("verification").put("type", "HostedBadge");
        assertion.put("issuedOn", "2026-05-20T09:30:00+02:00");
        return assertion;
    }

    public void publish(String path, ObjectNode json) {
        documents.put(path, new Response(200, "application/ld+json",
                Ob2Json.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
    }

    /** Serves {@code bytes} as a PNG image at {@code path}. */
    public void publishPng(String path, byte[] bytes) {
        documents.put(path, new Response(200, "image/png", bytes.clone()));
    }

    public void fail(String path, int status) {
        documents.put(path, new Response(status, "text/plain", "unavailable".getBytes(StandardCharsets.UTF_8)));
    }

    public int hits() {
        return hits.get();
    }

    private static ObjectNode object() {
        ObjectNode node = Ob2Json.mapper().createObjectNode();
        node.put("@context", "https://w3id.org/openbadges/v2");
        return node;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
