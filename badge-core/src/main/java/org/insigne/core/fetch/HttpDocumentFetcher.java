package org.insigne.core.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches documents over http(s) within a {@link FetchPolicy}: every URL, the first and each redirect hop, is
 * checked (scheme, no user info, every resolved address public) before any connection, and the connection then
 * goes only to the addresses that were checked, so a name that re-resolves to an internal address between the
 * check and the connection (DNS rebinding) gains nothing. Redirects are followed by hand; the body is read with a
 * byte cap and the whole fetch with a deadline that aborts the connection. No proxy, cookie or retry.
 *
 * <p>Content types accepted: for {@link Expect#JSON} {@code application/json}, {@code application/ld+json},
 * any {@code application/*+json} (e.g. {@code application/vc+ld+json}) and {@code text/plain}, which the OB 3.0
 * docformat uses for VC-JWT documents and which some issuers still send for JSON (the body is parsed strictly
 * afterwards anyway); for {@link Expect#IMAGE} {@code image/png} and {@code image/svg+xml}; for
 * {@link Expect#ANY} anything.
 *
 * <p>Failure arguments: {@link FetchFailed.Reason#HTTP_STATUS} carries the status code then the URL (410 Gone on
 * a hosted OB 2.0 assertion means revoked); every other reason carries the URL of the hop that failed first,
 * then the limit when one was exceeded. Thread-safe; {@link #close()} releases the connection pool.
 */
public final class HttpDocumentFetcher implements DocumentFetcher, Closeable {

    /** Resolves a host name to its addresses; the system resolver unless a test supplies another. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Logger log = LoggerFactory.getLogger(HttpDocumentFetcher.class);

    /** The most of a 410 body kept (see {@link FetchFailed#body()}). */
    static final int GONE_BODY_BYTES = 16 * 1024;

    private static final ScheduledExecutorService DEADLINES = deadlineScheduler();

    private final FetchPolicy policy;
    private final HostResolver resolver;
    private final CloseableHttpClient client;
    /** Addresses checked for the hop being executed on this thread; the client's DNS lookups are served from here. */
    private final ThreadLocal<Map<String, InetAddress[]>> pinned = ThreadLocal.withInitial(HashMap::new);

    public HttpDocumentFetcher(FetchPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    HttpDocumentFetcher(FetchPolicy policy, HostResolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        Timeout timeout = Timeout.of(policy.timeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedDnsResolver())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Insigne badge verifier")
                .build();
    }

    @Override
    public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(expect, "expect");
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(current)) {
                // A loop can never end well: say so now rather than after maxRedirects round trips.
                throw new FetchFailed(current, FetchFailed.Reason.TOO_MANY_REDIRECTS, current.toString());
            }
            Hop hop = fetchOnce(current, expect, deadline);
            if (hop.redirect == null) {
                return new FetchedDocument(uri, current, hop.contentType, hop.body);
            }
            if (redirects >= policy.maxRedirects()) {
                throw new FetchFailed(uri, FetchFailed.Reason.TOO_MANY_REDIRECTS, uri.toString(), policy.maxRedirects());
            }
            current = hop.redirect;
        }
    }

    /** One request: check, connect to the checked addresses, then either a redirect target or the body. */
    private Hop fetchOnce(URI uri, Expect expect, long deadline) throws FetchFailed {
        return exchange(uri, deadline, () -> {
            HttpGet request = new HttpGet(uri);
            request.setHeader(HttpHeaders.ACCEPT, accept(expect));
            return request;
        }, response -> {
            int status = response.getCode();
            if (isRedirect(status)) {
                return new Hop(redirectTarget(uri, response), "", new byte[0]);
            }
            if (status < 200 || status > 299) {
                FetchFailed failed = new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, status, uri.toString());
                if (status == 410) {
                    // Gone may say why (a revoked OB 2.0 assertion): keep a little of it, never more.
                    try {
                        failed = failed.withBody(readBody(uri, response.getEntity(), GONE_BODY_BYTES, deadline));
                    } catch (FetchFailed | IOException unreadable) {
                        // the status alone still says gone
                    }
                }
                throw failed;
            }
            String contentType = contentType(uri, response, expect);
            return new Hop(null, contentType, readBody(uri, response.getEntity(), maxBytes(expect), deadline));
        });
    }

    /**
     * Refuses, as {@link #fetch} would before connecting, a URL this fetcher may not reach: not http(s), with
     * user info, or naming a host that resolves to an address the policy forbids. Nothing is sent.
     */
    public void check(URI uri) throws FetchFailed {
        Objects.requireNonNull(uri, "uri");
        resolveAndCheck(uri, checkUrl(uri), System.nanoTime() + policy.timeout().toNanos());
    }

    /** What a server answered a {@link #post}: its status and at most the first bytes of its body. */
    public record Answer(int status, byte[] bodyStart) {
    }

    /**
     * Posts {@code body} to {@code uri} under the same address rules and deadline as {@link #fetch}, and answers
     * whatever status the server gave: a redirect is not followed (it is the answer), and of the body only the
     * first {@code keepBytes} are read, the connection dropped after them.
     */
    public Answer post(URI uri, Map<String, String> headers, String contentType, byte[] body, int keepBytes)
            throws FetchFailed {
        Objects.requireNonNull(uri, "uri");
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        return exchange(uri, deadline, () -> {
            HttpPost request = new HttpPost(uri);
            headers.forEach(request::setHeader);
            request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
            return request;
        }, response ->
                new Answer(response.getCode(), readStart(response.getEntity(), keepBytes, uri, deadline)));
    }

    /** What a server answered a {@link #get}: its status, its headers by lower-case name, and its body. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        public Reply {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The first value of header {@code name} (any case), if the server sent it. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /**
     * Gets {@code uri} with {@code headers} (an {@code Authorization} header, say) under the same address rules
     * and deadline as {@link #fetch}, and answers whatever status the server gave with its headers: a redirect
     * is not followed, so that credentials sent along never reach another address. A body over
     * {@code maxBytes} fails the fetch.
     */
    public Reply get(URI uri, Map<String, String> headers, int maxBytes) throws FetchFailed {
        Objects.requireNonNull(uri, "uri");
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        return exchange(uri, deadline, () -> {
            HttpGet request = new HttpGet(uri);
            headers.forEach(request::setHeader);
            return request;
        }, response -> {
            Map<String, List<String>> named = new HashMap<>();
            for (Header header : response.getHeaders()) {
                named.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(header.getValue() == null ? "" : header.getValue());
            }
            return new Reply(response.getCode(), named, readBody(uri, response.getEntity(), maxBytes, deadline));
        });
    }

    /** What is done with a response while its connection is open. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException, FetchFailed;
    }

    /**
     * Checks the URL, then makes the request (only then: the client refuses some URLs the check reports),
     * connects only to the addresses checked, and hands the response to {@code reader}, all within
     * {@code deadline}; the connection is never reused, since what is left of a body may be endless.
     */
    private <T> T exchange(URI uri, long deadline, Supplier<HttpUriRequestBase> newRequest, ResponseReader<T> reader)
            throws FetchFailed {
        String host = checkUrl(uri);
        InetAddress[] addresses = resolveAndCheck(uri, host, deadline);
        long remaining = remainingMillis(uri, deadline);
        HttpUriRequestBase request = newRequest.get();
        request.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remaining))
                .setResponseTimeout(Timeout.ofMilliseconds(remaining))
                .build());
        // The deadline covers everything, a server dripping headers or body included: abort the connection then.
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> abort = DEADLINES.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, remaining, TimeUnit.MILLISECONDS);
        Map<String, InetAddress[]> pins = pinned.get();
        pins.put(host, addresses);
        pins.put(unbracketed(host), addresses);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            return reader.read(response);
        } catch (IOException e) {
            throw failure(uri, e, expired.get());
        } catch (RuntimeException e) {
            log.warn("Fetch of {} failed unexpectedly", uri, e);
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE, uri.toString());
        } finally {
            abort.cancel(false);
            pins.remove(host);
            pins.remove(unbracketed(host));
            // Never drain what is left (it may be endless): drop the connection instead of returning it.
            request.cancel();
            if (response != null) {
                try {
                    response.close();
                } catch (IOException | RuntimeException ignored) {
                    // the connection is already discarded
                }
            }
        }
    }

    /** At most {@code keep} bytes of the body: the rest is left unread. */
    private static byte[] readStart(@Nullable HttpEntity entity, int keep, URI uri, long deadline)
            throws IOException, FetchFailed {
        if (entity == null || keep <= 0) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] start = in.readNBytes(keep);
            if (System.nanoTime() - deadline >= 0) {
                throw new FetchFailed(uri, FetchFailed.Reason.TIMEOUT, uri.toString());
            }
            return start;
        }
    }

    /** Scheme, user info and host syntax; returns the host to resolve. */
    private static String checkUrl(URI uri) throws FetchFailed {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.isOpaque() || scheme == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNSUPPORTED_URL, uri.toString());
        }
        // user:password@host is refused: it is a classic way to disguise the real host from a reader.
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getHost().isEmpty()
                || uri.getPort() > 65535) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNSUPPORTED_URL, uri.toString());
        }
        return uri.getHost();
    }

    private InetAddress[] resolveAndCheck(URI uri, String host, long deadline) throws FetchFailed {
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new FetchFailed(uri, FetchFailed.Reason.TIMEOUT, uri.toString());
            }
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE, uri.toString());
        }
        if (addresses.length == 0) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE, uri.toString());
        }
        for (InetAddress address : addresses) {
            // Any bad address refuses the whole name: the client could otherwise fall back to it.
            if (!AddressRules.isAllowed(address, policy.allowLoopback())) {
                log.warn("Refused to fetch {}: {} resolves to a non-public address", uri, host);
                throw new FetchFailed(uri, FetchFailed.Reason.FORBIDDEN_ADDRESS, uri.toString());
            }
        }
        return addresses;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.startsWith("[") && host.endsWith("]") || host.indexOf(':') >= 0) {
            // IPv6 literal: parsed locally, never looked up.
            return new InetAddress[] {InetAddress.getByName(unbracketed(host))};
        }
        Optional<InetAddress> numeric = AddressRules.numericIpv4(host);
        if (numeric.isPresent()) {
            return new InetAddress[] {numeric.get()};
        }
        return resolver.resolve(IDN.toASCII(host));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI uri, ClassicHttpResponse response) throws FetchFailed {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, response.getCode(), uri.toString());
        }
        try {
            URI target = uri.resolve(new URI(location.getValue().strip()));
            // The fragment of the original URL is kept when the target has none (RFC 9110 §10.2.2).
            if (target.getRawFragment() == null && uri.getRawFragment() != null) {
                target = new URI(target.getScheme(), target.getRawSchemeSpecificPart(), null)
                        .resolve("#" + uri.getRawFragment());
            }
            return target.normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNSUPPORTED_URL, location.getValue());
        }
    }

    private String contentType(URI uri, ClassicHttpResponse response, Expect expect) throws FetchFailed {
        Header header = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        String value = header == null || header.getValue() == null ? "" : header.getValue().strip();
        String mediaType = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean accepted = switch (expect) {
            case JSON -> mediaType.equals("application/json") || mediaType.equals("application/ld+json")
                    || mediaType.startsWith("application/") && mediaType.endsWith("+json")
                    || mediaType.equals("text/plain");
            case IMAGE -> mediaType.equals("image/png") || mediaType.equals("image/svg+xml");
            case ANY -> true;
        };
        if (!accepted) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNEXPECTED_CONTENT_TYPE, uri.toString(), mediaType);
        }
        return value.isEmpty() ? "application/octet-stream" : value;
    }

    private static byte[] readBody(URI uri, @Nullable HttpEntity entity, int maxBytes, long deadline)
            throws IOException, FetchFailed {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBytes) {
            throw new FetchFailed(uri, FetchFailed.Reason.TOO_LARGE, uri.toString(), maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(
                (int) Math.min(Math.max(entity.getContentLength(), 8192), maxBytes));
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    return body.toByteArray();
                }
                if (body.size() + read > maxBytes) {
                    throw new FetchFailed(uri, FetchFailed.Reason.TOO_LARGE, uri.toString(), maxBytes);
                }
                body.write(buffer, 0, read);
                if (System.nanoTime() - deadline >= 0) {
                    throw new FetchFailed(uri, FetchFailed.Reason.TIMEOUT, uri.toString());
                }
            }
        }
    }

    private FetchFailed failure(URI uri, IOException e, boolean expired) {
        if (e instanceof ForbiddenAddress) {
            return new FetchFailed(uri, FetchFailed.Reason.FORBIDDEN_ADDRESS, uri.toString());
        }
        if (expired || e instanceof InterruptedIOException) {
            // socket/connect time-outs and our deadline abort (RequestFailedException) are all InterruptedIOExceptions
            return new FetchFailed(uri, FetchFailed.Reason.TIMEOUT, uri.toString());
        }
        log.debug("Fetch of {} failed: {}", uri, e.toString());
        return new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE, uri.toString());
    }

    private static long remainingMillis(URI uri, long deadline) throws FetchFailed {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new FetchFailed(uri, FetchFailed.Reason.TIMEOUT, uri.toString());
        }
        return remaining;
    }

    private int maxBytes(Expect expect) {
        return expect == Expect.JSON ? policy.maxJsonBytes() : policy.maxImageBytes();
    }

    private static String accept(Expect expect) {
        return switch (expect) {
            case JSON -> "application/ld+json, application/json;q=0.9";
            case IMAGE -> "image/png, image/svg+xml";
            case ANY -> "*/*";
        };
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static ScheduledExecutorService deadlineScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("insigne-fetch-deadline");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /**
     * Serves the client's lookups from the addresses checked for the current hop. A lookup for anything else
     * (which the client should never make) is resolved and checked here, and refused when not public.
     */
    private final class PinnedDnsResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] checked = pinned.get().get(host);
            if (checked != null) {
                return checked.clone();
            }
            InetAddress[] addresses = HttpDocumentFetcher.this.resolve(host);
            for (InetAddress address : addresses) {
                if (!AddressRules.isAllowed(address, policy.allowLoopback())) {
                    throw new ForbiddenAddress(host);
                }
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            List<InetSocketAddress> result = new ArrayList<>();
            for (InetAddress address : resolve(host)) {
                result.add(new InetSocketAddress(address, port));
            }
            return result;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Raised inside the client when a lookup yields a non-public address. */
    private static final class ForbiddenAddress extends UnknownHostException {
        ForbiddenAddress(String host) {
            super(host);
        }
    }

    private record Hop(@Nullable URI redirect, String contentType, byte[] body) {
    }
}
