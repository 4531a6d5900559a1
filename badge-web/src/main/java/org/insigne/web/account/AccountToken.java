package org.insigne.web.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A single-use, expiring link token; only its hash is stored. */
@Entity
@Table(name = "account_token")
class AccountToken {

    enum Purpose { CONFIRM_EMAIL, RESET_PASSWORD, CONFIRM_ADDRESS }

    @Id
    private UUID id;

    private UUID userId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    /** The added address a {@code CONFIRM_ADDRESS} token confirms; null for the other purposes. */
    private @Nullable UUID emailId;

    private Instant createdAt;

    protected AccountToken() {
        // for JPA
    }

    AccountToken(UUID userId, Purpose purpose, String tokenHash, Instant expiresAt, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    /** A token confirming the added address {@code emailId}. */
    static AccountToken forAddress(UUID userId, UUID emailId, String tokenHash, Instant expiresAt, Instant now) {
        AccountToken token = new AccountToken(userId, Purpose.CONFIRM_ADDRESS, tokenHash, expiresAt, now);
        token.emailId = emailId;
        return token;
    }

    @Nullable UUID emailId() {
        return emailId;
    }

    UUID userId() {
        return userId;
    }

    Purpose purpose() {
        return purpose;
    }

    /** Spends the token; refuses when it was spent already or has expired. */
    void use(Instant now) {
        checkUsable(now);
        usedAt = now;
    }

    /** Refuses when the token was spent already or has expired, without spending it. */
    void checkUsable(Instant now) {
        if (usedAt != null) {
            throw new InvalidAccountToken(InvalidAccountToken.Why.USED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvalidAccountToken(InvalidAccountToken.Why.EXPIRED);
        }
    }
}
