package org.insigne.web.cobuild;

import java.util.ArrayList;
import java.util.List;

import org.insigne.issuer.cobuild.CoBuildAnswers;
import org.insigne.issuer.cobuild.CoBuildView;
import org.jspecify.annotations.Nullable;

/**
 * One step of the guided page as typed, shown again as it was sent when a field is refused, so that nothing
 * is lost; the image file travels apart.
 */
record StepForm(@Nullable String experience, @Nullable String skills, @Nullable List<String> chosenTags,
                @Nullable String level, @Nullable String link0, @Nullable String link1, @Nullable String link2,
                @Nullable String badgeName, @Nullable String badgeDescription, @Nullable String shape,
                @Nullable String colour) {

    /** The answers saved so far, to fill a step someone comes back to. */
    static StepForm of(CoBuildView view) {
        List<String> links = view.evidenceLinks();
        return new StepForm(view.experience(), view.skills(), view.chosenTags(), view.level(),
                links.size() > 0 ? links.get(0) : null, links.size() > 1 ? links.get(1) : null,
                links.size() > 2 ? links.get(2) : null, view.badgeName(), view.badgeDescription(),
                view.shape().key(), view.colour().key());
    }

    CoBuildAnswers answers(byte @Nullable [] image) {
        List<String> links = new ArrayList<>();
        for (String link : new String[] {link0, link1, link2}) {
            if (link != null) {
                links.add(link);
            }
        }
        return new CoBuildAnswers(experience, skills, chosenTags == null ? List.of() : chosenTags, level, links,
                badgeName, badgeDescription, shape, colour, image);
    }

    /** Whether a suggestion is ticked, for the template. */
    public boolean chose(String tag) {
        return chosenTags != null && chosenTags.contains(tag);
    }
}
