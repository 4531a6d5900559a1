package org.insigne.issuer.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaChecklistTests {

    @Test
    void makesOneItemPerListItemWithoutMarkdown() {
        assertThat(CriteriaChecklist.items("""
                Pour obtenir ce badge :

                - avoir animé **trois** réunions ;
                * en avoir écrit le [compte rendu](https://example.org/cr) ;
                1. puis l'avoir `envoyé`.
                """)).containsExactly("avoir animé trois réunions ;", "en avoir écrit le compte rendu ;",
                "puis l'avoir envoyé.");
    }

    @Test
    void takesTheWholeTextAsOneItemWhenThereIsNoList() {
        assertThat(CriteriaChecklist.items("Avoir animé **trois**\nréunions.")).containsExactly(
                "Avoir animé trois réunions.");
        assertThat(CriteriaChecklist.items("  ")).isEmpty();
    }

    @Test
    void keepsAtMostThirtyShortenedItems() {
        String many = "- " + "x".repeat(600) + "\n" + "- item\n".repeat(40);
        assertThat(CriteriaChecklist.items(many)).hasSize(30).first().asString().hasSize(500).endsWith("…");
    }
}
