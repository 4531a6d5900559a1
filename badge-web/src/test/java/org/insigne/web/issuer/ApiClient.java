package org.insigne.web.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the issuer API over real HTTP, as another program would, with a token or without. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, headers and body, parsed as JSON when it is. */
    record Answer(int status, HttpResponse<String> response) {

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String code() {
            return json().path("code").asString();
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer call(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        List<String> extra = new ArrayList<>(List.of(headers));
        for (int i = 0; i + 1 < extra.size(); i += 2) {
            request.header(extra.get(i), extra.get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String token, String... headers) {
        return call("GET", path, token, null, null, headers);
    }

    Answer post(String path, String token, String json, String... headers) {
        return call("POST", path, token, "application/json", json, headers);
    }

    Answer put(String path, String token, String json, String... headers) {
        return call("PUT", path, token, "application/json", json, headers);
    }
}
