package org.insigne.issuer.application;

import jakarta.persistence.Embeddable;

/** One criterion as a reviewer judged it: its text as shown then, whether it is met, and their note. */
@Embeddable
public record CriterionCheck(String criterion, boolean met, String note) {
}
