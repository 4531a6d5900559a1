package org.insigne.backpack.badge;

import java.util.List;
import java.util.Locale;

import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckJsonTests {

    @Test
    void keepsKeysArgumentsAndNumbersSoStoredChecksRenderInAnyLanguage() {
        List<Check> checks = List.of(
                Check.skipped("input.fetch", "fetch.failed.http-status", 503, "https://badges.example/a/1"),
                Check.passed("ob2.recipient", "ob2.recipient.matches", "camille.martin@example.org"));

        List<Check> read = CheckJson.read(CheckJson.write(checks));

        assertThat(read).extracting(Check::id).containsExactly("input.fetch", "ob2.recipient");
        assertThat(read.get(0).status()).isEqualTo(checks.get(0).status());
        assertThat(CheckMessages.render(read.get(0), Locale.FRENCH)).contains("503", "https://badges.example/a/1");
        assertThat(CheckMessages.render(read.get(1), Locale.ENGLISH)).contains("camille.martin@example.org");
    }
}
