package org.insigne.web.ob3api;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open Badges 3.0 API consumer as another platform would run it, over real HTTP: its own cookie jar (the
 * earner's browser), no redirect followed by itself, so that every step can be checked.
 */
final class Ob3Consumer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REDIRECT = "https://consumer.example/callback";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    final String base;
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Ob3Consumer(int port) {
        this("http://localhost:" + port);
    }

    /** A browser whose relative addresses go to {@code base}: another host name is another cookie jar's worth. */
    Ob3Consumer(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String url, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(url, encode(fields), all);
    }

    String absolute(String url) {
        return url.startsWith("http") ? url : base + url;
    }

    /** Signs up through the sign-up form (the address still to be confirmed). */
    void signUp(String email, String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/signup");
        HttpResponse<String> done = form("/signup", Map.of("email", email, "displayName", name,
                "password", password, "_csrf", hidden(page.body(), "_csrf")));
        if (done.statusCode() >= 400) {
            throw new AssertionError("sign-up refused: " + done.statusCode());
        }
    }

    /** Signs in through the login form, as the earner would. */
    HttpResponse<String> logIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        return form("/login", Map.of("username", email, "password", password, "_csrf", hidden(page.body(), "_csrf")));
    }

    static String hidden(String html, String name) {
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no hidden field " + name);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            values.put(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A PKCE verifier and its S256 challenge (RFC 7636 §4). */
    record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    /** A registration as OB 3.0 §6.2.1's example, on host {@code consumer.example}. */
    static Map<String, Object> registration(String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_name", "Sac Exemple");
        body.put("client_uri", "https://consumer.example/");
        body.put("logo_uri", "https://consumer.example/logo.png");
        body.put("tos_uri", "https://consumer.example/terms");
        body.put("policy_uri", "https://consumer.example/privacy");
        body.put("software_id", "c88b6ed8-269e-448e-99be-7e2ff47167d1");
        body.put("software_version", "1.0");
        body.put("redirect_uris", java.util.List.of(REDIRECT));
        body.put("token_endpoint_auth_method", "client_secret_basic");
        body.put("grant_types", java.util.List.of("authorization_code", "refresh_token"));
        body.put("response_types", java.util.List.of("code"));
        body.put("scope", scope);
        return body;
    }
}
