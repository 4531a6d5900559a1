package org.insigne.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on the loopback interface standing for a host inside the network. It counts the requests that
 * reach it: a guarded fetch must refuse before connecting, so the count stays at zero.
 */
public final class InternalServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private InternalServer(HttpServer server) {
        this.server = server;
    }

    /** A started server on a free port, answering 500 to anything. */
    public static InternalServer start() throws IOException {
        InternalServer internal = new InternalServer(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        internal.server.createContext("/", exchange -> {
            internal.hits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        internal.server.start();
        return internal;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The requests received so far. */
    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
