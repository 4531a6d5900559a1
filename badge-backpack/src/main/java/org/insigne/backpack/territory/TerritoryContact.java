package org.insigne.backpack.territory;

import java.util.UUID;

/**
 * Whom a recruiter's message goes to: the web layer looks the owner's address up itself and never shows it.
 */
public record TerritoryContact(UUID ownerId, String pseudonym) {
}
