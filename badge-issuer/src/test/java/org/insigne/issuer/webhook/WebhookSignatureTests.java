package org.insigne.issuer.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    /** The example of the Standard Webhooks specification and of its reference libraries' tests. */
    @Test
    void signsTheSpecificationsExample() {
        byte[] secret = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String header = WebhookSignature.header(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretDuringARotation() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header(List.of(new byte[32], new byte[] {1, 2, 3}), "msg_1", 1L, body);

        assertThat(header.split(" ")).containsExactly(
                "v1," + WebhookSignature.sign(new byte[32], "msg_1", 1L, body),
                "v1," + WebhookSignature.sign(new byte[] {1, 2, 3}, "msg_1", 1L, body));
        assertThat(WebhookSignature.shown(new byte[] {-1, 0, 1})).isEqualTo("whsec_/wAB");
    }

    @Test
    void keepsAShortSingleLineExcerptOfAnswers() {
        String answer = "erreur\r\n<b>500</b>\u0000\u202e" + "x".repeat(2000);

        String excerpt = WebhookOutbox.excerpt(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(excerpt).startsWith("erreur  <b>500</b>  x").hasSize(WebhookOutbox.EXCERPT_CHARS)
                .doesNotContain("\n", "\r", "\u0000", "\u202e");
        assertThat(WebhookOutbox.excerpt(new byte[] {(byte) 0xff, 'o', 'k'})).isEqualTo("\ufffdok");
    }

    @Test
    void doublesTheDelayBetweenTriesUpToTheLongest() {
        WebhookOutbox outbox = new WebhookOutbox(null, null, Clock.systemUTC(), Duration.ofSeconds(30),
                Duration.ofHours(6), Duration.ofDays(3));

        assertThat(outbox.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.delay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(outbox.delay(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(outbox.delay(11)).isEqualTo(Duration.ofHours(6));
        assertThat(outbox.delay(400)).isEqualTo(Duration.ofHours(6));
    }
}
