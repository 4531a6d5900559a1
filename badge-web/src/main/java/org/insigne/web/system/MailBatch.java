package org.insigne.web.system;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Many mails over one SMTP connection, from {@link Mailer#batch()}: one connection and greeting for a whole
 * batch instead of one per mail. Each {@link #send} says whether the mail left, was refused (certainly not
 * delivered: it may be tried again) or may have left (the connection broke while it was being sent: trying
 * again could deliver it twice). Each mail carries its idempotency key as its Message-ID. Not thread-safe:
 * one sending thread uses a batch, then closes it.
 */
public final class MailBatch implements AutoCloseable {

    /** What became of one mail. */
    public enum Outcome {
        /** The server accepted it (or, without SMTP, it is in the development outbox). */
        SENT,
        /** Not accepted: the server was unreachable or refused it. Safe to try again. */
        REFUSED,
        /** The connection failed while it was being sent: the server may have it. */
        UNCERTAIN
    }

    private static final Logger log = LoggerFactory.getLogger(MailBatch.class);

    private final Mailer mailer;
    private final @Nullable JavaMailSenderImpl smtp;
    private @Nullable Transport transport;

    MailBatch(Mailer mailer, @Nullable JavaMailSenderImpl smtp) {
        this.mailer = mailer;
        this.smtp = smtp;
    }

    /**
     * Renders template {@code mail/<template>.html} as {@link Mailer#send} does and sends it with Message-ID
     * {@code <key@domain of the sender>}, on this batch's connection (opened on first use).
     */
    public Outcome send(String to, String template, Locale locale, Map<String, Object> variables, UUID key) {
        OutgoingMail mail = mailer.render(to, template, locale, variables);
        if (smtp == null) {
            mailer.keepInOutbox(mail, template);
            return Outcome.SENT;
        }
        MimeMessage message;
        try {
            message = mailer.compose(smtp.getSession(), mail, null, key);
            if (transport == null) {
                transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            }
        } catch (MessagingException e) {
            close();
            log.warn("Mail '{}' not sent, SMTP server unavailable: {}", template, e.getMessage());
            return Outcome.REFUSED;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return Outcome.SENT;
        } catch (SendFailedException refused) {
            // The server answered with an error code: it did not take the mail.
            close();
            log.warn("Mail '{}' refused by the SMTP server: {}", template, refused.getMessage());
            return Outcome.REFUSED;
        } catch (MessagingException broken) {
            close();
            log.warn("Mail '{}' may not have been sent, the connection failed: {}", template, broken.getMessage());
            return Outcome.UNCERTAIN;
        }
    }

    @Override
    public void close() {
        Transport open = transport;
        transport = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException e) {
                // The mails already sent are sent; a failed QUIT changes nothing.
            }
        }
    }
}
