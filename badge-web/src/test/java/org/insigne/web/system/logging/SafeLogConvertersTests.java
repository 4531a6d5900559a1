package org.insigne.web.system.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The message and exception converters the logging configuration puts in place of logback's. */
class SafeLogConvertersTests {

    private final LoggerContext context = new LoggerContext();

    @Test
    void keepsAnOrdinaryMessageAsItIs() {
        String message = "Verified a Json input: ob3 valid — élève, Ω, 😀, C:\\badges";
        assertThat(new SafeMessageConverter().convert(event("{}", message, null))).isEqualTo(message);
        assertThat(LogText.escape(message)).isSameAs(message);
    }

    @Test
    void escapesLineBreaksAndControlsInTheFormattedMessage() {
        String converted = new SafeMessageConverter().convert(
                event("Subject [{}] skipped", "did:example:1\r\nFAKE LOG LINE\u0000\tend", null));

        assertThat(converted).isEqualTo("Subject [did:example:1\\r\\nFAKE LOG LINE\\u0000\\tend] skipped");
    }

    @Test
    void escapesC1SeparatorsAndBidiControls() {
        assertThat(LogText.escape("a\u0085b\u009bc\u007fd\u001be"))
                .isEqualTo("a\\u0085b\\u009bc\\u007fd\\u001be");
        assertThat(LogText.escape("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
        assertThat(LogText.escape("x\u202egpj.exe\u202c \u2066\u2069\u200e\u200f\u061c"))
                .isEqualTo("x\\u202egpj.exe\\u202c \\u2066\\u2069\\u200e\\u200f\\u061c");
    }

    @Test
    void escapesExceptionMessagesAndKeepsFramesOnTheirLines() {
        IllegalStateException cause = new IllegalStateException("bad id\nFAKE CAUSE LINE");
        RuntimeException thrown = new RuntimeException("refused\r\nFAKE LOG LINE", cause);
        thrown.addSuppressed(new IllegalArgumentException("suppressed\nFAKE SUPPRESSED LINE"));
        SafeThrowableConverter converter = new SafeThrowableConverter();
        converter.setContext(context);
        converter.start();

        String trace = converter.convert(event("Failed", null, thrown));

        assertThat(trace.lines()).noneMatch(line -> line.startsWith("FAKE"));
        assertThat(trace).contains("java.lang.RuntimeException: refused\\r\\nFAKE LOG LINE")
                .contains("Caused by: java.lang.IllegalStateException: bad id\\nFAKE CAUSE LINE")
                .contains("Suppressed: java.lang.IllegalArgumentException: suppressed\\nFAKE SUPPRESSED LINE");
        assertThat(trace.lines().filter(line -> line.strip().startsWith("at ")).count()).isGreaterThan(3);
    }

    @Test
    void escapesExceptionMessagesWithLogbacksOwnWordsToo() {
        SafeThrowableConverter.Plain converter = new SafeThrowableConverter.Plain();
        converter.setContext(context);
        converter.start();

        String trace = converter.convert(event("Failed", null, new RuntimeException("x\u0000\nFAKE LOG LINE")));

        assertThat(trace).startsWith("java.lang.RuntimeException: x\\u0000\\nFAKE LOG LINE");
        assertThat(trace.lines()).noneMatch(line -> line.startsWith("FAKE"));
    }

    private LoggingEvent event(String pattern, @Nullable Object argument, @Nullable Throwable thrown) {
        return new LoggingEvent(SafeLogConvertersTests.class.getName(), context.getLogger("test"), Level.WARN,
                pattern, thrown, argument == null ? null : new Object[] {argument});
    }
}
