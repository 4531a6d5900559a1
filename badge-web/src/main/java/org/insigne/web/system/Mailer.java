package org.insigne.web.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
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
     * Sends as {@link #send} does, on the caller's thread, and says whether the mail left (or reached the
     * development outbox), for senders that keep their own persistent queue and retry.
     */
    public boolean sendNow(String to, String template, Locale locale, Map<String, Object> variables) {
        return deliver(to, template, locale, variables, null);
    }

    private boolean deliver(String to, String template, Locale locale, Map<String, Object> variables,
                            @Nullable String replyTo) {
        OutgoingMail mail = render(to, template, locale, variables);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            outbox.add(mail);
            log.info("Mail '{}' kept in the development outbox (no SMTP server configured)", template);
            return true;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(mail.to());
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.htmlBody(), true);
            smtp.send(message);
            log.info("Mail '{}' sent", template);
            return true;
        } catch (MessagingException | MailException e) {
            log.error("Mail '{}' could not be sent: {}", template, e.getMessage());
            return false;
        }
    }

    OutgoingMail render(String to, String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        String body = templates.process("mail/" + template, context);
        Object[] subjectArgs = variables.get(SUBJECT_ARGS) instanceof List<?> args ? args.toArray() : null;
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        return new OutgoingMail(to, subject, body, clock.instant());
    }
}
