package org.insigne.core.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.insigne.core.verification.CheckMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BakingMessagesTests {

    @ParameterizedTest
    @EnumSource(BakingFailed.Reason.class)
    void everyReasonHasFrenchAndEnglishText(BakingFailed.Reason reason) {
        BakingFailed failed = new BakingFailed(reason, "X");

        String french = CheckMessages.render(failed.messageKey(), List.of("X"), Locale.FRENCH);
        String english = CheckMessages.render(failed.messageKey(), List.of("X"), Locale.ENGLISH);

        assertThat(french).isNotEqualTo(failed.messageKey()).doesNotContain("{0}");
        assertThat(english).isNotEqualTo(failed.messageKey()).isNotEqualTo(french).doesNotContain("{0}");
    }
}
