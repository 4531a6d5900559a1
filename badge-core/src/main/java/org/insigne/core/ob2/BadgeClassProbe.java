package org.insigne.core.ob2;

import java.net.URI;
import java.util.Objects;

import org.insigne.core.verification.Check;

import tools.jackson.databind.JsonNode;

/** {@code ob2.badge-class}: the assertion's badge class, embedded or fetched from its id, must be readable. */
final class BadgeClassProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        Ref<BadgeClass> ref = context.assertion().badge();
        BadgeClass embedded = ref.embedded();
        if (embedded != null) {
            context.add(Check.passed(Ob2Verifier.BADGE_CLASS, "ob2.badge-class.embedded", embedded.name()));
            context.badge(embedded);
            return true;
        }
        URI id = Objects.requireNonNull(ref.id());
        JsonNode tree = context.loadRequired(id, Ob2Verifier.BADGE_CLASS);
        if (tree == null || !context.contextAccepted(tree, Ob2Verifier.BADGE_CLASS)) {
            return false;
        }
        try {
            BadgeClass badge = Ob2Reader.readBadgeClass(tree);
            context.add(Check.passed(Ob2Verifier.BADGE_CLASS, "ob2.badge-class.fetched", badge.name(), id.toString()));
            context.badge(badge);
            return true;
        } catch (Ob2ParseFailed invalid) {
            return context.fail(Ob2Verifier.BADGE_CLASS, invalid.messageKey(), invalid.args().toArray());
        }
    }
}
