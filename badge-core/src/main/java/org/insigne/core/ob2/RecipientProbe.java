package org.insigne.core.ob2;

import org.insigne.core.verification.Check;

/** {@code ob2.recipient}: when the reader says whom the badge should belong to, the assertion must agree. */
final class RecipientProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        String recipient = context.recipient();
        if (recipient == null) {
            context.add(Check.skipped(Ob2Verifier.RECIPIENT, "ob2.recipient.not-checked"));
        } else if (context.assertion().recipient().matches(recipient)) {
            context.add(Check.passed(Ob2Verifier.RECIPIENT, "ob2.recipient.matches", recipient.strip()));
        } else {
            context.fail(Ob2Verifier.RECIPIENT, "ob2.recipient.differs", recipient.strip());
        }
        return true;
    }
}
