package org.insigne.web.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a mail template in the recipient's language and sends it, off the request thread. With no SMTP
 * server configured ({@code spring.mail.host} unset) the mail lands in the {@link DevOutbox} instead.
 */
@Component
public class Mailer {

    /** The variable holding the subject's message arguments, so that a subject can name what the mail is about. */
    public static final String SUBJECT_ARGS = "subjectArgs";


    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final DevOutbox outbox;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final InsigneProperties properties;
    private final Clock clock;

    Mailer(ObjectProvider<JavaMailSender> sender, DevOutbox outbox, SpringTemplateEngine templates,
           MessageSource messages, InsigneProperties properties, Clock clock) {
        this.sender = sender;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** True when mails really leave the platform; false when they go to the development outbox. */
    public boolean isSmtpConfigured() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Sends template {@code mail/<template>.html} with {@code variables}; the subject is the message
     * {@code mail.<template>.subject}, with the arguments in variable {@value #SUBJECT_ARGS} (a list) if any.
     */
    @Async
    public void send(String to, String template, Locale locale, Map<String, Object> variables) {
        deliver(to, template, locale, variables, null);
    }

    /**
     * As {@link #send(String, String, Locale, Map)}, with a {@code Reply-To} address: a reply then goes to that
     * person, not to the platform (the learning-territory contact form). The address must have been validated.
     */
    @Async
    public void send(String to, String template, Locale locale, Map<String, Object> variables,
                     @Nullable String replyTo) {
        deliver(to, template, locale, variables, replyTo);
    }

    /**
     * A batch of mails sent over one SMTP connection (or to the development outbox), for senders that keep
     * their own persistent queue: see {@link MailBatch}.
     */
    public MailBatch batch() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp != null && !(smtp instanceof JavaMailSenderImpl)) {
            throw new IllegalStateException("mail batches need a JavaMailSenderImpl, not " + smtp.getClass());
        }
        return new MailBatch(this, (JavaMailSenderImpl) smtp);
    }

    private void deliver(String to, String template, Locale locale, Map<String, Object> variables,
                         @Nullable String replyTo) {
        OutgoingMail mail = render(to, template, locale, variables);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            keepInOutbox(mail, template);
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            fill(message, mail, replyTo);
            smtp.send(message);
            log.info("Mail '{}' sent", template);
        } catch (MessagingException | MailException e) {
            log.error("Mail '{}' could not be sent: {}", template, e.getMessage());
        }
    }

    void keepInOutbox(OutgoingMail mail, String template) {
        outbox.add(mail);
        log.info("Mail '{}' kept in the development outbox (no SMTP server configured)", template);
    }

    /** The message for {@code mail}, whose Message-ID is {@code <key@domain of the sender>}. */
    MimeMessage compose(Session session, OutgoingMail mail, @Nullable String replyTo, UUID key)
            throws MessagingException {
        String domain = properties.mailFrom().replaceAll("^.*@", "").replaceAll("[>\\s]", "");
        String messageId = "<" + key + "@" + (domain.isEmpty() ? "insigne.local" : domain) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The idempotency key, not a fresh id: a receiver can tell a mail sent twice.
                setHeader("Message-ID", messageId);
            }
        };
        fill(message, mail, replyTo);
        return message;
    }

    /**
     * Fills the message directly rather than through {@code MimeMessageHelper}, which reads the MIME types file
     * anew for every message not made by the sender (about a second per mail from the packaged jar).
     */
    private void fill(MimeMessage message, OutgoingMail mail, @Nullable String replyTo) throws MessagingException {
        message.setFrom(address(properties.mailFrom()));
        message.setRecipient(Message.RecipientType.TO, address(mail.to()));
        if (replyTo != null) {
            message.setReplyTo(new Address[] {address(replyTo)});
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.htmlBody(), "UTF-8", "html");
    }

    private static InternetAddress address(String text) throws MessagingException {
        InternetAddress address = new InternetAddress(text, true);
        if (address.getPersonal() != null) {
            try {
                address.setPersonal(address.getPersonal(), "UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8", e);
            }
        }
        return address;
    }

    OutgoingMail render(String to, String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        String body = templates.process("mail/" + template, context);
        Object[] subjectArgs = variables.get(SUBJECT_ARGS) instanceof List<?> args ? args.toArray() : null;
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        return new OutgoingMail(to, subject, body, clock.instant());
    }
}
