package org.insigne.web.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The browser every browser test uses: its accessibility check finds what axe finds, and a browser handed to
 * the next test keeps nothing of the last one.
 */
@Tag("browser")
class BrowserTests {

    /** A page with three WCAG 2.1 A/AA failures: no language, an image without text, a field without a label. */
    private static final String INACCESSIBLE = """
            <!doctype html><html><head><title>Page</title></head><body><main>
            <h1>Page</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">
            </main></body></html>""";

    private static final String ACCESSIBLE = """
            <!doctype html><html lang="fr"><head><title>Page</title></head><body><main>
            <h1>Page</h1><img alt="Un point" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <label for="nom">Nom</label><input id="nom" type="text">
            </main></body></html>""";

    HttpServer site;

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/bad") ? INACCESSIBLE : ACCESSIBLE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            if (path.equals("/remember")) {
                exchange.getResponseHeaders().add("Set-Cookie", "visitor=seen; Path=/; Max-Age=3600");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void theAccessibilityCheckNamesEachViolationAndPassesAGoodPage() {
        try (Browser browser = Browser.open(site.getAddress().getPort())) {
            browser.driver().get(base() + "/good");
            browser.assertAccessible();

            browser.driver().get(base() + "/bad");
            assertThatThrownBy(browser::assertAccessible)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("/bad")
                    .hasMessageContaining("html-has-lang")
                    .hasMessageContaining("image-alt")
                    .hasMessageContaining("label");
        }
    }

    @Test
    void aBrowserIsHandedOnBlank() {
        int port = site.getAddress().getPort();
        Browser first = Browser.open(port);
        first.driver().get(base() + "/remember");
        assertThat(first.cookie("visitor")).isEqualTo("seen");
        first.driver().manage().window().setSize(new Dimension(390, 844));
        first.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        first.close();

        try (Browser next = Browser.open(port)) {
            assertThat(next.driver()).isSameAs(first.driver());
            assertThat(next.driver().getWindowHandles()).hasSize(1);
            assertThat(next.driver().manage().window().getSize().getWidth()).isEqualTo(1280);
            next.driver().get(base() + "/good");
            assertThat(next.cookie("visitor")).isNull();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }
}
