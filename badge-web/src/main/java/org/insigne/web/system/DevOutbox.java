package org.insigne.web.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where mails go when no SMTP server is configured, so that a developer or a first-time operator can still
 * confirm an account. Holds the last {@value #CAPACITY} mails in memory; shown only to local requests.
 */
@Component
public class DevOutbox {

    static final int CAPACITY = 50;

    private final Deque<OutgoingMail> mails = new ArrayDeque<>();

    synchronized void add(OutgoingMail mail) {
        if (mails.size() == CAPACITY) {
            mails.removeLast();
        }
        mails.addFirst(mail);
    }

    /** Newest first. */
    public synchronized List<OutgoingMail> mails() {
        return List.copyOf(mails);
    }
}
