package org.insigne.web.territory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.insigne.backpack.territory.TerritoryContact;
import org.insigne.backpack.territory.TerritoryEntryNotFound;
import org.insigne.backpack.territory.TerritoryQuery;
import org.insigne.backpack.territory.TerritoryResult;
import org.insigne.backpack.territory.TerritoryService;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.web.account.AccountService;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.insigne.web.system.RateLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public side of the learning-territory map, for recruiters, without login: the filter and the list (always
 * rendered here, so it works without JavaScript or map tiles), the same results as JSON for the map script, and
 * the contact form. No page or JSON is given an account id or an address: only the entry's public id.
 */
@Controller
class TerritoryController {

    private static final Logger log = LoggerFactory.getLogger(TerritoryController.class);

    /** Must match the {@code org.webjars.npm:leaflet} version in the pom (a test opens it). */
    static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

    private final TerritoryService territory;
    private final TerritoryProperties properties;
    private final AccountService accounts;
    private final Mailer mailer;
    private final RateLimits limits;
    private final Links links;

    TerritoryController(TerritoryService territory, TerritoryProperties properties, AccountService accounts,
                        Mailer mailer, RateLimits limits, Links links) {
        this.territory = territory;
        this.properties = properties;
        this.accounts = accounts;
        this.mailer = mailer;
        this.limits = limits;
        this.links = links;
    }

    /**
     * The usual levels first, searchable even before anyone on the map holds one ("Je pilote" is rare), then
     * the others that badges on the map name; each once, whatever its case.
     */
    static List<String> levels(List<String> onTheMap) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String level : BadgeClassContent.DEFAULT_LEVELS) {
            byKey.putIfAbsent(level.toLowerCase(Locale.ROOT), level);
        }
        for (String level : onTheMap) {
            byKey.putIfAbsent(level.toLowerCase(Locale.ROOT), level);
        }
        return List.copyOf(byKey.values());
    }

    @GetMapping("/territoire")
    String map(@RequestParam(required = false) @Nullable String skill,
               @RequestParam(required = false) @Nullable String level,
               @RequestParam(required = false) @Nullable String area, Model model) {
        TerritoryQuery query = TerritoryQuery.of(skill, level, area);
        List<TerritoryResult> results = territory.search(query);
        model.addAttribute("skill", text(skill));
        model.addAttribute("level", text(level));
        model.addAttribute("area", text(area));
        model.addAttribute("levels", levels(territory.levels()));
        model.addAttribute("results", results);
        model.addAttribute("onMap", results.stream().filter(TerritoryResult::hasCoordinates).count());
        model.addAttribute("resultsUrl", UriComponentsBuilder.fromPath("/territoire/results.json")
                .queryParam("skill", text(skill)).queryParam("level", text(level)).queryParam("area", text(area))
                .encode().build().toUriString());
        model.addAttribute("tiles", properties);
        model.addAttribute("leaflet", LEAFLET);
        return "territory/map";
    }

    /** The map's markers: entries with coordinates, what the list shows of them, and where to write to them. */
    @GetMapping(path = "/territoire/results.json", produces = "application/json")
    @ResponseBody
    List<Marker> markers(@RequestParam(required = false) @Nullable String skill,
                         @RequestParam(required = false) @Nullable String level,
                         @RequestParam(required = false) @Nullable String area) {
        return territory.search(TerritoryQuery.of(skill, level, area)).stream()
                .filter(TerritoryResult::hasCoordinates)
                .map(r -> new Marker(r.publicId(), r.pseudonym(), r.placeName(), r.latitude(), r.longitude(),
                        r.badges().stream().map(TerritoryResult.Badge::name).distinct().toList(),
                        "/territoire/contact/" + r.publicId()))
                .toList();
    }

    /** One earner on the map; {@code id} is the entry's public id, the only identifier pages ever carry. */
    record Marker(String id, String pseudonym, @Nullable String place, @Nullable BigDecimal lat,
                  @Nullable BigDecimal lon, List<String> badges, String contact) {
    }

    @GetMapping("/territoire/contact/{publicId}")
    String contactForm(@PathVariable String publicId, Model model) {
        return contactPage(publicId, territory.contact(publicId), ContactForm.empty(), model);
    }

    @PostMapping("/territoire/contact/{publicId}")
    String contact(@PathVariable String publicId, @Valid @ModelAttribute("contactForm") ContactForm form,
                   BindingResult errors, Model model, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) {
        TerritoryContact to = territory.contact(publicId);
        if (errors.hasErrors()) {
            response.setStatus(400);
            return contactPage(publicId, to, form, model);
        }
        if (!limits.tryConsume(RateLimits.Limit.TERRITORY_CONTACT, request.getRemoteAddr()).allowed()) {
            response.setStatus(429);
            model.addAttribute("formError", "territory.contact.too-many");
            return contactPage(publicId, to, form, model);
        }
        String address = accounts.confirmedEmail(to.ownerId()).orElseThrow(TerritoryEntryNotFound::new);
        Locale earnerLocale = Locale.forLanguageTag(accounts.profile(to.ownerId()).preferredLanguage());
        Map<String, Object> variables = new HashMap<>();
        variables.put("pseudonym", to.pseudonym());
        variables.put("senderName", form.senderName().strip());
        variables.put("replyTo", form.replyTo().strip());
        variables.put("lines", form.message().strip().lines().toList());
        variables.put("settings", links.absolute("/backpack/territory"));
        mailer.send(address, "territory-contact", earnerLocale, variables, form.replyTo().strip());
        log.info("Territory contact message sent to entry owner {}", to.ownerId());
        return "redirect:/territoire/contact/sent";
    }

    @GetMapping("/territoire/contact/sent")
    String sent() {
        return "territory/contact-sent";
    }

    /** A withdrawn or unknown entry, a malformed form: the refusal page in the reader's language. */
    @ExceptionHandler(DomainException.class)
    String refused(DomainException refusal, Model model, HttpServletResponse response) {
        int status = switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case GONE -> 410;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", refusal.messageKey());
        model.addAttribute("messageArgs", refusal.args().toArray());
        return "error/refused";
    }

    private String contactPage(String publicId, TerritoryContact to, ContactForm form, Model model) {
        model.addAttribute("publicId", publicId);
        model.addAttribute("pseudonym", to.pseudonym());
        model.addAttribute("contactForm", form);
        return "territory/contact";
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
