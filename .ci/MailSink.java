import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for .ci/two-nodes: GreenMail (from its standalone jar) on 127.0.0.1:PORT, writing the
 * Message-ID of every mail it received so far, one a line, to FILE every second, so that the script can count
 * the mails and find any received twice.
 * Run: java -cp greenmail-standalone.jar .ci/MailSink.java PORT FILE
 */
public class MailSink {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path next = Path.of(args[1] + ".next");
        while (true) {
            List<String> ids = new ArrayList<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                ids.add(String.valueOf(message.getMessageID()));
            }
            Files.write(next, ids, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(1000);
        }
    }
}
