package org.insigne.web.pdf;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRendererTests {

    private static final String URL = "https://insigne.example/p/badges/abc123";

    private final PdfRenderer renderer = new PdfRenderer(engine());

    @Test
    void rendersTaggedPdfWithEmbeddedFontsQrCodeAndAttachment() {
        byte[] credential = "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"é\":1}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] pdf = renderer.render("sample", model("Attestation de bénévolat", null), Locale.FRENCH,
                List.of(new PdfAttachment("badge.json", "application/vc+ld+json", "Le badge signé", "Source",
                        credential)));

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.flatText()).contains("Attestation de bénévolat", "Texte gras et italique : Œuvre");
        assertThat(inspection.language()).isEqualTo("fr");
        assertThat(inspection.title()).isEqualTo("Attestation de bénévolat");
        assertThat(inspection.structureTree()).isTrue();
        assertThat(inspection.marked()).isTrue();
        assertThat(inspection.fontsNotEmbedded()).isEmpty();
        assertThat(inspection.qrCodes()).containsExactly(URL);
        assertThat(inspection.attachments()).containsOnlyKeys("badge.json");
        assertThat(inspection.attachments().get("badge.json")).isEqualTo(credential);
        assertThat(inspection.associatedFiles()).containsExactly("badge.json Source");
    }

    @Test
    void takesTheLanguageFromTheLocale() {
        PdfInspection inspection = PdfInspection.of(
                renderer.render("sample", model("Certificate", null), Locale.ENGLISH, List.of()));

        assertThat(inspection.language()).isEqualTo("en");
        assertThat(inspection.attachments()).isEmpty();
    }

    @Test
    void loadsNoImageFromAnAddress() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/tracker.png";
            byte[] pdf = renderer.render("sample", model("Distant", remote), Locale.FRENCH, List.of());

            assertThat(PdfInspection.of(pdf).flatText()).contains("Distant");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, Object> model(String title, String remote) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("text", "Œuvre");
        model.put("qr", QrCodes.pngDataUri(URL));
        model.put("remote", remote);
        return model;
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("pdf/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
