package org.insigne.web.issuer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as an organisation's software would run one: it records every request and
 * answers the status {@code script} gives for the request's number (from 1). {@link #verifies} checks a
 * signature as the Standard Webhooks specification says a receiver should, written here again from the
 * specification rather than with the platform's code.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(IntUnaryOperator script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(headers, body));
            int status = script.applyAsInt(received.size());
            byte[] answer = (status >= 500 ? "erreur\ninterne <b>" + status + "</b>" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code n} requests came, and answers them all. */
    List<Received> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + received.size() + " webhook requests of " + n + " within " + timeout);
            }
            Thread.sleep(50);
        }
        return received();
    }

    /**
     * Whether one of the request's signatures is HMAC-SHA256, under the secret {@code whsec_<base64>}, of
     * {@code id.timestamp.body}, compared in constant time (Standard Webhooks, "Verifying webhook authenticity").
     */
    static boolean verifies(Received request, String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signed = (request.header("webhook-id") + "." + request.header("webhook-timestamp") + ".")
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[signed.length + request.body().length];
        System.arraycopy(signed, 0, content, 0, signed.length);
        System.arraycopy(request.body(), 0, content, signed.length, request.body().length);
        byte[] expected = mac.doFinal(content);
        for (String signature : request.header("webhook-signature").split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
