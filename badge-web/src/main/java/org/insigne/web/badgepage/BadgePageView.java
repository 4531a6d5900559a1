package org.insigne.web.badgepage;

import java.util.List;

import org.insigne.web.verify.BadgeCard;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code badgepage/badge-page} template shows: the award's card, the address the recipient form posts
 * to and the page's absolute address (to copy and share), the badge's forms as downloads, and the recipient form's answer or error (message keys, or null). Public, with its
 * {@link MachineForm}, so that Thymeleaf's SpEL compiler can compile the template's calls to them.
 */
public record BadgePageView(BadgeCard card, String path, String publicUrl, List<MachineForm> machineForms, @Nullable String answerKey,
                            @Nullable String errorKey, int maxEmail) {

    public BadgePageView {
        machineForms = List.copyOf(machineForms);
    }

    /** A link to one form of the badge, as a file to download; {@code url} is relative to the application. */
    public record MachineForm(String labelKey, String url, String fileName) {
    }
}
