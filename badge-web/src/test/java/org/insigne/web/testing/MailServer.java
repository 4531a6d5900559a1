package org.insigne.web.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free local port, one per test JVM, that the application sends to.
 * Tests find their mails by recipient, so they need not clear each other's.
 */
public final class MailServer {

    private static GreenMail greenMail;

    private MailServer() {
    }

    public static synchronized GreenMail instance() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    public static int port() {
        return instance().getSmtp().getPort();
    }

    /** Waits for the {@code n}-th mail to {@code recipient} and returns it. */
    public static MimeMessage awaitMail(String recipient, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mails = mailsTo(recipient);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no mail #" + n + " to " + recipient + " within " + timeout);
    }

    public static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(instance().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail);
    }

    /** The first link in the mail whose URL contains {@code fragment}, unescaped. */
    public static String link(MimeMessage mail, String fragment) {
        String body = body(mail).replace("=\r\n", "").replace("=3D", "=");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*" + java.util.regex.Pattern.quote(fragment) + "[^\"]*)\"")
                .matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link containing " + fragment + " in mail: " + body);
        }
        return m.group(1).replace("&amp;", "&");
    }
}
