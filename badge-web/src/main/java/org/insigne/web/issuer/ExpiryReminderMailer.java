package org.insigne.web.issuer;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplyPage;
import org.insigne.issuer.award.DueReminder;
import org.insigne.issuer.award.ExpiryReminderService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.ExpiryReminderSetting;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.Links;
import org.insigne.web.system.MailBatch;
import org.insigne.web.system.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails earners {@code insigne.reminders.expiry-days} days (default 30; 0 turns it off) before a badge they
 * were awarded here expires, once per award: with the badge, its issuer, the date in their language, and how to
 * renew it (the badge's application page while it takes applications, else the issuer's contact). Not for
 * revoked or already expired awards, nor for earners who turned reminders off (the choice of the account that
 * confirmed the address). Every node wakes each {@code insigne.reminders.tick}; one sweeps at a time (a
 * {@link Leases} lease), and each award's reminder is claimed by inserting its row before the mail is sent, so
 * that no award is reminded twice even by two nodes sweeping at once (docs/decisions/0028).
 */
@Component
class ExpiryReminderMailer {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminderMailer.class);
    private static final String LEASE = "expiry-reminders";
    private static final int BATCH = 100;
    /** Batches per wake-up at most: the rest waits for the next tick. */
    private static final int MAX_BATCHES = 10;

    private final ExpiryReminderService reminders;
    private final ApplicationService applications;
    private final AccountService accounts;
    private final Mailer mailer;
    private final Links links;
    private final DisplayDates dates;
    private final Leases leases;
    private final Clock clock;
    private final int days;

    ExpiryReminderMailer(ExpiryReminderService reminders, ApplicationService applications, AccountService accounts,
                         Mailer mailer, Links links, DisplayDates dates, Leases leases, Clock clock,
                         @Value("${insigne.reminders.expiry-days:30}") int days) {
        this.reminders = reminders;
        this.applications = applications;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
        this.dates = dates;
        this.leases = leases;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(initialDelayString = "${insigne.reminders.tick:PT1H}", fixedDelayString = "${insigne.reminders.tick:PT1H}")
    void onSchedule() {
        if (days > 0) {
            leases.runAlone(LEASE, this::sendDue);
        }
    }

    /**
     * Sends the reminders due now, at most {@value #MAX_BATCHES} batches; stops at the first mail the server
     * refuses, whose claim goes back for the next tick.
     *
     * @return how many mails were sent
     */
    int sendDue() {
        int sent = 0;
        try (MailBatch batch = mailer.batch()) {
            for (int round = 0; round < MAX_BATCHES; round++) {
                Instant now = clock.instant();
                List<DueReminder> due = reminders.due(now, now.plus(java.time.Duration.ofDays(days)), BATCH);
                if (due.isEmpty()) {
                    break;
                }
                for (DueReminder reminder : due) {
                    if (!reminders.claim(reminder, leases.node())) {
                        continue;
                    }
                    ExpiryReminderSetting setting = accounts.expiryReminderSetting(reminder.recipientEmail());
                    if (!setting.wanted()) {
                        reminders.record(reminder.award(), ExpiryReminderService.Outcome.TURNED_OFF);
                        continue;
                    }
                    switch (batch.send(reminder.recipientEmail(), "badge-expiring", setting.locale(),
                            variables(reminder, setting), reminder.mailKey())) {
                        case SENT -> {
                            reminders.record(reminder.award(), ExpiryReminderService.Outcome.SENT);
                            sent++;
                        }
                        case UNCERTAIN -> reminders.record(reminder.award(), ExpiryReminderService.Outcome.UNCERTAIN);
                        case REFUSED -> {
                            reminders.release(reminder.award());
                            return sent;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // Tried again at the next tick; a claim left without outcome is not sent again (at most once).
            log.error("Expiry reminders paused: {}", e.toString());
        } finally {
            if (sent > 0) {
                log.info("Sent {} expiry reminders", sent);
            }
        }
        return sent;
    }

    private Map<String, Object> variables(DueReminder reminder, ExpiryReminderSetting setting) {
        String assertion = reminder.assertionUrl();
        String path = HostedUrls.PATHS.ob2Assertion(reminder.award().value());
        String base = links.base().orElse(assertion.endsWith(path)
                ? assertion.substring(0, assertion.length() - path.length()) : "");
        boolean accepting = applications.applyPage(reminder.badgeClass()).map(ApplyPage::accepting).orElse(false);
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", reminder.recipientName());
        variables.put("badge", reminder.badgeName());
        variables.put("issuer", reminder.issuerName());
        variables.put("date", dates.date(reminder.expiresAt(), setting.locale()));
        variables.put("link", assertion);
        variables.put("applyLink", accepting ? base + "/apply/" + reminder.badgeClass().value() : null);
        variables.put("contactEmail", reminder.contactEmail());
        variables.put("website", reminder.websiteUrl());
        variables.put("issuerPage", new HostedUrls(base).ob2Issuer(reminder.organisation().value()));
        variables.put("settingsLink", base + "/backpack/reminders");
        variables.put(Mailer.SUBJECT_ARGS, List.of(reminder.badgeName(), dates.date(reminder.expiresAt(), setting.locale())));
        return variables;
    }
}
