package org.insigne.web.issuer;

import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.dashboard.AuditLogView;
import org.insigne.issuer.dashboard.Dashboard;
import org.insigne.issuer.dashboard.DashboardService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.DisplayDates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organisation's dashboard (counts per badge class and recent activity, for every member) and its audit log
 * (every entry, 50 a page, filtered by action, for owners and administrators).
 */
@Controller
class DashboardController {

    /** Pages are numbered from 1 in addresses; beyond this, a number is surely a typing error. */
    private static final int MAX_PAGE = 1_000_000;

    private final DashboardService dashboards;
    private final ActivitySentences sentences;
    private final DisplayDates dates;

    DashboardController(DashboardService dashboards, ActivitySentences sentences, DisplayDates dates) {
        this.dashboards = dashboards;
        this.sentences = sentences;
        this.dates = dates;
    }

    @GetMapping("/console/organisations/{id}/dashboard")
    String dashboard(@PathVariable UUID id, Authentication authentication, Locale locale, Model model) {
        Dashboard dashboard = dashboards.dashboard(new OrganisationId(id), CurrentUser.id(authentication),
                dates.zone());
        model.addAttribute("organisation", dashboard.organisation());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("activity", sentences.lines(dashboard.recent(), dashboard.badgeClassNames(), locale));
        return "issuer/dashboard";
    }

    @GetMapping("/console/organisations/{id}/audit")
    String auditLog(@PathVariable UUID id, @RequestParam(defaultValue = "") String action,
                    @RequestParam(defaultValue = "1") String page, Authentication authentication, Locale locale,
                    Model model) {
        AuditLogView log = dashboards.auditLog(new OrganisationId(id), CurrentUser.id(authentication),
                actionOf(action), pageOf(page) - 1);
        model.addAttribute("organisation", log.organisation());
        model.addAttribute("log", log);
        model.addAttribute("lines", sentences.lines(log.page().entries(), log.badgeClassNames(), locale));
        model.addAttribute("actions", AuditAction.values());
        return "issuer/audit-log";
    }

    /** An unknown action (an address edited by hand) shows every action rather than an error. */
    private static @Nullable AuditAction actionOf(String name) {
        for (AuditAction action : AuditAction.values()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        return null;
    }

    private static int pageOf(String number) {
        try {
            return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(number.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
