package org.insigne.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: sign-up with e-mail confirmation, password reset by e-mailed single-use token, and the lookup
 * Spring Security uses at login.
 */
@Service
@Transactional(readOnly = true)
public class AccountService implements UserDetailsService {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Addresses an account may hold besides its login address. */
    public static final int MAX_ADDRESSES = 10;

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final Links links;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final AccountEmailRepository addresses;
    private final ApplicationEventPublisher events;

    AccountService(UserAccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwords,
                   Mailer mailer, Links links, LoginThrottle throttle, Clock clock, AccountEmailRepository addresses,
                   ApplicationEventPublisher events) {
        this.addresses = addresses;
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.links = links;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Creates an unconfirmed account and mails its confirmation link. */
    @Transactional
    public UUID signUp(String email, String displayName, String password, Locale locale) {
        String address = normalise(email);
        if (accounts.existsByEmail(address) || addresses.existsByEmailAndConfirmedAtIsNotNull(address)) {
            throw new EmailAlreadyRegistered();
        }
        UserAccount account = accounts.save(new UserAccount(address, displayName.strip(),
                passwords.encode(password), locale, clock.instant()));
        String token = issueToken(account.id(), AccountToken.Purpose.CONFIRM_EMAIL, CONFIRMATION_VALIDITY);
        mailer.send(address, "confirm-email", locale, Map.of(
                "name", account.displayName(),
                "link", links.absolute("/account/confirm?token=" + token)));
        log.info("Account {} signed up", account.id());
        return account.id();
    }

    /** Confirms the address a confirmation link was sent to. */
    @Transactional
    public void confirmEmail(String rawToken) {
        AccountToken token = spend(rawToken, AccountToken.Purpose.CONFIRM_EMAIL);
        UserAccount account = accounts.findById(token.userId())
                .orElseThrow(() -> new InvalidAccountToken(InvalidAccountToken.Why.UNKNOWN));
        account.confirmEmail(clock.instant());
        events.publishEvent(new EmailAddressConfirmed(account.id(), account.email()));
        log.info("Account {} confirmed its e-mail address", account.id());
    }

    /**
     * The account's addresses, login address first, then the added ones oldest first. Login uses only the login
     * address: one name per account to sign in with, and the one password resets go to.
     */
    public List<EmailAddressView> addresses(UUID userId) {
        UserAccount account = accounts.findById(userId).orElseThrow(EmailAddressNotFound::new);
        List<EmailAddressView> all = new ArrayList<>();
        all.add(new EmailAddressView(null, account.email(), account.isEmailConfirmed(), true));
        addresses.findByUserIdOrderByCreatedAtAsc(userId).forEach(a -> all.add(a.view()));
        return all;
    }

    /**
     * Every confirmed address of the account, login address first: badges awarded to any of them are the
     * account holder's. Empty when the account does not exist.
     */
    public List<String> confirmedAddresses(UUID userId) {
        return accounts.findById(userId).map(account -> {
            List<String> confirmed = new ArrayList<>();
            if (account.isEmailConfirmed()) {
                confirmed.add(account.email());
            }
            addresses.findByUserIdOrderByCreatedAtAsc(userId).stream().filter(AccountEmail::isConfirmed)
                    .forEach(a -> confirmed.add(a.email()));
            return List.copyOf(confirmed);
        }).orElse(List.of());
    }

    /**
     * Adds an address to the account and mails it a confirmation link; it counts only once confirmed. Refused
     * when it is already the account's, or another account's login or confirmed address.
     */
    @Transactional
    public EmailAddressView addAddress(UUID userId, String email, Locale locale) {
        UserAccount account = accounts.findById(userId).orElseThrow(EmailAddressNotFound::new);
        String address = normalise(email);
        if (address.equals(account.email()) || addresses.existsByUserIdAndEmail(userId, address)) {
            throw new EmailAlreadyYours();
        }
        if (accounts.existsByEmail(address) || addresses.existsByEmailAndConfirmedAtIsNotNull(address)) {
            throw new EmailAlreadyRegistered();
        }
        if (addresses.countByUserId(userId) >= MAX_ADDRESSES) {
            throw new TooManyAddresses();
        }
        AccountEmail added = addresses.save(new AccountEmail(userId, address, clock.instant()));
        String raw = randomToken();
        tokens.save(AccountToken.forAddress(userId, added.id(), hash(raw), clock.instant().plus(CONFIRMATION_VALIDITY),
                clock.instant()));
        mailer.send(address, "confirm-address", locale, Map.of(
                "name", account.displayName(),
                "link", links.absolute("/account/confirm-address?token=" + raw)));
        log.info("Account {} added address {}", userId, added.id());
        return added.view();
    }

    /** Confirms an added address from its mailed link; {@code EmailAlreadyRegistered} if another account was faster. */
    @Transactional
    public EmailAddressView confirmAddress(String rawToken) {
        AccountToken token = spend(rawToken, AccountToken.Purpose.CONFIRM_ADDRESS);
        UUID emailId = token.emailId();
        AccountEmail address = (emailId == null ? Optional.<AccountEmail>empty() : addresses.findById(emailId))
                .orElseThrow(() -> new InvalidAccountToken(InvalidAccountToken.Why.UNKNOWN));
        if (!address.isConfirmed() && (accounts.existsByEmail(address.email())
                || addresses.existsByEmailAndConfirmedAtIsNotNull(address.email()))) {
            throw new EmailAlreadyRegistered();
        }
        address.confirm(clock.instant());
        try {
            addresses.flush();
        } catch (DataIntegrityViolationException confirmedMeanwhile) {
            // Another account confirmed the same address between the check above and now: the unique index on
            // confirmed addresses decided, and the loser gets the same refusal as if it had come second.
            throw new EmailAlreadyRegistered();
        }
        events.publishEvent(new EmailAddressConfirmed(address.userId(), address.email()));
        log.info("Account {} confirmed address {}", address.userId(), address.id());
        return address.view();
    }

    /** Removes an added address; its badges already in the backpack stay there. */
    @Transactional
    public void removeAddress(UUID userId, UUID addressId) {
        AccountEmail address = addresses.findByIdAndUserId(addressId, userId).orElseThrow(EmailAddressNotFound::new);
        addresses.delete(address);
        log.info("Account {} removed address {}", userId, addressId);
    }

    /**
     * Removes the login address: the oldest other confirmed address becomes the login address. Refused with
     * {@link LastConfirmedAddress} when there is none, or the account could no longer sign in nor be reached.
     *
     * @return the new login address
     */
    @Transactional
    public String removeLoginAddress(UUID userId) {
        UserAccount account = accounts.findById(userId).orElseThrow(EmailAddressNotFound::new);
        AccountEmail heir = addresses.findByUserIdOrderByCreatedAtAsc(userId).stream().filter(AccountEmail::isConfirmed)
                .findFirst().orElseThrow(LastConfirmedAddress::new);
        addresses.delete(heir);
        addresses.flush();
        account.changeLoginEmail(heir.email());
        log.info("Account {} now signs in with address {}", userId, heir.id());
        return heir.email();
    }

    /**
     * Mails a reset link when the address belongs to an account. Says nothing either way, so that the form
     * cannot be used to learn who has an account.
     */
    @Transactional
    public void requestPasswordReset(String email, Locale locale) {
        accounts.findByEmail(normalise(email)).ifPresent(account -> {
            String token = issueToken(account.id(), AccountToken.Purpose.RESET_PASSWORD, RESET_VALIDITY);
            mailer.send(account.email(), "reset-password", locale, Map.of(
                    "name", account.displayName(),
                    "link", links.absolute("/password/reset?token=" + token)));
            log.info("Password reset requested for account {}", account.id());
        });
    }

    /** Checks a reset link before the new-password form is shown, without spending it. */
    public void checkResetToken(String rawToken) {
        AccountToken token = tokens.findByTokenHash(hash(rawToken))
                .filter(t -> t.purpose() == AccountToken.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new InvalidAccountToken(InvalidAccountToken.Why.UNKNOWN));
        token.checkUsable(clock.instant());
    }

    /** Sets a new password from a reset link, which is then spent; the address is confirmed by the way. */
    @Transactional
    public void resetPassword(String rawToken, String newPassword) {
        AccountToken token = spend(rawToken, AccountToken.Purpose.RESET_PASSWORD);
        UserAccount account = accounts.findById(token.userId())
                .orElseThrow(() -> new InvalidAccountToken(InvalidAccountToken.Why.UNKNOWN));
        account.changePassword(passwords.encode(newPassword));
        boolean newlyConfirmed = !account.isEmailConfirmed();
        account.confirmEmail(clock.instant());
        if (newlyConfirmed) {
            events.publishEvent(new EmailAddressConfirmed(account.id(), account.email()));
        }
        log.info("Account {} reset its password", account.id());
    }

    /** Name and address of each account in {@code ids} that exists, by id. */
    public Map<UUID, AccountSummary> summaries(Collection<UUID> ids) {
        return accounts.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::id,
                a -> new AccountSummary(a.id(), a.displayName(), a.email())));
    }

    /** The address and preferred language of each account in {@code ids} that exists, to mail them. */
    public Map<String, Locale> contacts(Collection<UUID> ids) {
        return accounts.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::email,
                UserAccount::preferredLocale, (a, b) -> a));
    }

    /**
     * Refuses with {@link WrongPassword} unless {@code password} is the account's, and with
     * {@link PasswordAttemptsExceeded} while too many wrong guesses were made lately.
     */
    public void requirePassword(UUID userId, String password) {
        UserAccount account = accounts.findById(userId).orElseThrow(WrongPassword::new);
        // The same guess counter as the login form: confirming an action must not be a way around it.
        if (throttle.isBlocked(account.email())) {
            throw new PasswordAttemptsExceeded();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throttle.recordFailure(account.email());
            log.warn("Account {} sensitive action refused: wrong password", userId);
            throw new WrongPassword();
        }
    }

    /** What the account holds about its owner, for the export of their data. */
    public AccountProfile profile(UUID userId) {
        UserAccount account = accounts.findById(userId).orElseThrow(WrongPassword::new);
        return new AccountProfile(account.id(), account.email(), account.displayName(),
                account.preferredLocale().getLanguage(), account.createdAt(),
                account.emailConfirmedAt().orElse(null));
    }

    /**
     * Erases the account once its password is confirmed; its tokens go with it (foreign key cascade). The caller
     * erases what other modules keep about the person in the same transaction.
     */
    @Transactional
    public void deleteAccount(UUID userId, String password) {
        requirePassword(userId, password);
        accounts.deleteById(userId);
        log.info("Account {} deleted by its owner", userId);
    }

    /** Changes the name shown for the account; the caller checked it (not blank, at most 100 characters). */
    @Transactional
    public void rename(UUID userId, String displayName) {
        accounts.findById(userId).orElseThrow(WrongPassword::new).rename(displayName.strip());
        log.info("Account {} renamed", userId);
    }

    /** Whether the account holder wants a mail before one of their badges expires. */
    public boolean wantsExpiryReminders(UUID userId) {
        return accounts.findById(userId).map(UserAccount::wantsExpiryReminders).orElse(false);
    }

    @Transactional
    public void chooseExpiryReminders(UUID userId, boolean wanted) {
        accounts.findById(userId).orElseThrow(EmailAddressNotFound::new).chooseExpiryReminders(wanted);
        log.info("Account {} turned expiry reminders {}", userId, wanted ? "on" : "off");
    }

    /**
     * Whether the person behind {@code email} wants expiry reminders and in which language: the choices of the
     * account that confirmed that address, else on, in French (the platform's language).
     */
    public ExpiryReminderSetting expiryReminderSetting(String email) {
        return accounts.findByConfirmedAddress(normalise(email)).stream().findFirst()
                .map(a -> new ExpiryReminderSetting(a.wantsExpiryReminders(), a.preferredLocale()))
                .orElse(new ExpiryReminderSetting(true, Locale.FRENCH));
    }

    /** The account's e-mail address once confirmed: what proves who an invitation was meant for. */
    public Optional<String> confirmedEmail(UUID userId) {
        return accounts.findById(userId).filter(UserAccount::isEmailConfirmed).map(UserAccount::email);
    }

    /** The account that confirmed {@code email}, if one did: how a person is named to a role they must accept. */
    public Optional<UUID> accountWithConfirmedAddress(String email) {
        return accounts.findByConfirmedAddress(normalise(email)).stream().findFirst().map(UserAccount::id);
    }

    @Override
    public AccountUser loadUserByUsername(String username) {
        UserAccount account = accounts.findByEmail(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return new AccountUser(account.id(), account.email(), account.displayName(), account.passwordHash(),
                account.isEmailConfirmed(), throttle.isBlocked(account.email()));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String issueToken(UUID userId, AccountToken.Purpose purpose, Duration validity) {
        String raw = randomToken();
        tokens.save(new AccountToken(userId, purpose, hash(raw), clock.instant().plus(validity), clock.instant()));
        return raw;
    }

    private AccountToken spend(String rawToken, AccountToken.Purpose purpose) {
        AccountToken token = tokens.findByTokenHash(hash(rawToken))
                .filter(t -> t.purpose() == purpose)
                .orElseThrow(() -> new InvalidAccountToken(InvalidAccountToken.Why.UNKNOWN));
        token.use(clock.instant());
        return token;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String hash(String raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
