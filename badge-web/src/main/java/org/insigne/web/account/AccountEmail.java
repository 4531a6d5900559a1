package org.insigne.web.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A further e-mail address of an account, besides its login address; it counts once its mailbox confirmed it. */
@Entity
@Table(name = "account_email")
class AccountEmail {

    @Id
    private UUID id;

    private UUID userId;

    private String email;

    private @Nullable Instant confirmedAt;

    private Instant createdAt;

    @Version
    private long version;

    protected AccountEmail() {
        // for JPA
    }

    AccountEmail(UUID userId, String email, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.email = email;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    String email() {
        return email;
    }

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Confirms the address once; a second confirmation keeps the first date. */
    void confirm(Instant now) {
        if (confirmedAt == null) {
            confirmedAt = now;
        }
    }

    EmailAddressView view() {
        return new EmailAddressView(id, email, isConfirmed(), false);
    }
}
