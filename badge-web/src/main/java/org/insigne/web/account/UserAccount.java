package org.insigne.web.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A person who signs in: issuer staff, earner, or both. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    private UUID id;

    private String email;

    private String displayName;

    private String passwordHash;

    private @Nullable Instant emailConfirmedAt;

    private String preferredLocale;

    private Instant createdAt;

    private boolean expiryReminders = true;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    UserAccount(String email, String displayName, String passwordHash, Locale locale, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.preferredLocale = locale.getLanguage();
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    /** A new name to show, as the earner chose it elsewhere (the Open Badges API's profile). */
    void rename(String newName) {
        this.displayName = newName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Locale preferredLocale() {
        return Locale.forLanguageTag(preferredLocale);
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean isEmailConfirmed() {
        return emailConfirmedAt != null;
    }

    Optional<Instant> emailConfirmedAt() {
        return Optional.ofNullable(emailConfirmedAt);
    }

    /** Confirms the address once; a second confirmation keeps the first date. */
    void confirmEmail(Instant now) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = now;
        }
    }

    /** Signs in with another (confirmed) address from now on. */
    void changeLoginEmail(String confirmedEmail) {
        this.email = confirmedEmail;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    boolean wantsExpiryReminders() {
        return expiryReminders;
    }

    void chooseExpiryReminders(boolean wanted) {
        this.expiryReminders = wanted;
    }
}
