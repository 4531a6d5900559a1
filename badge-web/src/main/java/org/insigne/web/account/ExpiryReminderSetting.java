package org.insigne.web.account;

import java.util.Locale;

/** Whether a person wants a mail before their badges expire, and the language to write it in. */
public record ExpiryReminderSetting(boolean wanted, Locale locale) {
}
