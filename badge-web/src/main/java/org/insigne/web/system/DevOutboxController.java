package org.insigne.web.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development outbox page. It exists only while no SMTP server is configured, and only answers requests
 * from this machine: the mails it shows hold account links.
 */
@Controller
class DevOutboxController {

    private final DevOutbox outbox;
    private final Mailer mailer;

    DevOutboxController(DevOutbox outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
    }

    @GetMapping("/dev/outbox")
    String outbox(HttpServletRequest request, Model model) {
        if (mailer.isSmtpConfigured() || !isLocal(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mails", outbox.mails());
        return "system/outbox";
    }

    private static boolean isLocal(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
