package org.insigne.issuer.application;

import java.util.Optional;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.publishing.ApplyLinks;
import org.springframework.stereotype.Component;

/**
 * The application page of a badge class whose applications are open, for the Apply Link extension. Only
 * then: the documents of every other badge class stay byte for byte as they were.
 */
@Component
class OpenApplyLinks implements ApplyLinks {

    private final ApplicationOpeningRepository openings;

    OpenApplyLinks(ApplicationOpeningRepository openings) {
        this.openings = openings;
    }

    @Override
    public Optional<String> path(BadgeClassId badgeClass) {
        return openings.findById(badgeClass.value()).filter(ApplicationOpening::isOpen)
                .map(o -> "/apply/" + badgeClass.value());
    }
}
