package org.insigne.web.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkJobId;
import org.insigne.issuer.bulk.BulkJobStatus;
import org.insigne.issuer.bulk.BulkPreview;
import org.insigne.issuer.bulk.BulkProgress;
import org.insigne.issuer.bulk.BulkReportRow;
import org.insigne.issuer.bulk.CsvRejected;
import org.insigne.issuer.bulk.CsvReader;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Awarding from a CSV file: the upload form, the review of every row before anything is issued, then the
 * job's progress (a small script polls {@code /progress}; without it the page still answers on reload) and
 * its report, on the page and as CSV. Roles and ownership are checked by the service.
 */
@Controller
class BulkAwardController {

    /** Rows per page of the review. */
    static final int PREVIEW_PAGE_SIZE = 100;

    private final BulkAwardService bulk;
    private final AwardService awards;
    private final Links links;
    private final MessageSource messages;

    BulkAwardController(BulkAwardService bulk, AwardService awards, Links links, MessageSource messages) {
        this.bulk = bulk;
        this.awards = awards;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/bulk")
    String form(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("badgeClass", awards.checkCanAward(new OrganisationId(org), new BadgeClassId(id),
                CurrentUser.id(authentication)));
        model.addAttribute("maxRows", CsvReader.MAX_RECORDS);
        return "issuer/bulk-upload";
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/bulk")
    String upload(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Authentication authentication, Model model, HttpServletResponse response) throws IOException {
        OrganisationId organisation = new OrganisationId(org);
        BadgeClassId badgeClass = new BadgeClassId(id);
        UUID user = CurrentUser.id(authentication);
        BadgeClassView view = awards.checkCanAward(organisation, badgeClass, user);
        try {
            if (file == null || file.isEmpty()) {
                throw new CsvRejected("empty");
            }
            BulkJobId job = bulk.upload(organisation, badgeClass, user, String.valueOf(file.getOriginalFilename()),
                    file.getBytes(), LocaleContextHolder.getLocale(), links.absolute(""));
            return "redirect:" + jobPath(org, job.value());
        } catch (CsvRejected refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("badgeClass", view);
            model.addAttribute("maxRows", CsvReader.MAX_RECORDS);
            model.addAttribute("refusalKey", refused.messageKey());
            model.addAttribute("refusalArgs", java.util.Arrays.copyOf(refused.args().toArray(), 2));
            return "issuer/bulk-upload";
        }
    }

    @GetMapping("/console/organisations/{org}/bulk/{job}")
    String job(@PathVariable UUID org, @PathVariable UUID job, @RequestParam(defaultValue = "1") String page,
               @RequestParam(defaultValue = "all") String show, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        BulkJobId id = new BulkJobId(job);
        UUID user = CurrentUser.id(authentication);
        if (bulk.status(organisation, id, user) == BulkJobStatus.PREVIEW) {
            BulkPreview preview = bulk.preview(organisation, id, user);
            model.addAttribute("preview", preview);
            // Paged: a file of 10,000 rows would otherwise make a page too heavy to render and to read.
            model.addAttribute("page", preview.page(pageNumber(page), PREVIEW_PAGE_SIZE, "errors".equals(show)));
            return "issuer/bulk-preview";
        }
        BulkProgress progress = bulk.progress(organisation, id, user);
        model.addAttribute("progress", progress);
        model.addAttribute("org", org);
        if (progress.finished()) {
            model.addAttribute("rows", bulk.report(organisation, id, user));
        }
        return "issuer/bulk-job";
    }

    @PostMapping("/console/organisations/{org}/bulk/{job}/confirm")
    String confirm(@PathVariable UUID org, @PathVariable UUID job, Authentication authentication,
                   RedirectAttributes redirect) {
        bulk.confirm(new OrganisationId(org), new BulkJobId(job), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "bulk.job.started");
        return "redirect:" + jobPath(org, job);
    }

    @GetMapping(path = "/console/organisations/{org}/bulk/{job}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable UUID org, @PathVariable UUID job, Authentication authentication) {
        BulkProgress progress = bulk.progress(new OrganisationId(org), new BulkJobId(job), CurrentUser.id(authentication));
        Locale locale = LocaleContextHolder.getLocale();
        return Map.of("status", progress.status().name(), "done", progress.done(), "total", progress.total(),
                "issued", progress.issued(), "finished", progress.finished(),
                "text", messages.getMessage("bulk.job.progress.text",
                        new Object[] {progress.done(), progress.total()}, locale));
    }

    @GetMapping("/console/organisations/{org}/bulk/{job}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable UUID org, @PathVariable UUID job, Authentication authentication) {
        List<BulkReportRow> rows = bulk.report(new OrganisationId(org), new BulkJobId(job), CurrentUser.id(authentication));
        Locale locale = LocaleContextHolder.getLocale();
        // French spreadsheets split on semicolons, English ones on commas; the BOM tells them it is UTF-8.
        char delimiter = "fr".equals(locale.getLanguage()) ? ';' : ',';
        StringBuilder csv = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            printer.printRecord(Stream.of("line", "email", "name", "level", "status", "detail", "award")
                    .map(c -> Csv.cell(messages.getMessage("bulk.report.column." + c, null, locale))));
            for (BulkReportRow row : rows) {
                String detail = row.errors().stream().map(e -> messages.getMessage(e.messageKey(), e.args(), locale))
                        .collect(Collectors.joining(" "));
                String award = row.awardId() == null ? "" : links.hostedUrls().ob2Assertion(row.awardId());
                printer.printRecord(Stream.of(Integer.toString(row.line()), row.email(), row.name(), row.level(),
                                messages.getMessage("bulk.row.status." + row.status(), null, locale), detail, award)
                        .map(Csv::cell));
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rapport-" + job + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A page number from the address; anything unreadable is the first page (the preview keeps it in range). */
    private static int pageNumber(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }

    private static String jobPath(UUID org, UUID job) {
        return "/console/organisations/" + org + "/bulk/" + job;
    }

    /** CSV cells a spreadsheet does not run as a formula; Commons CSV quotes what would split wrongly. */
    static final class Csv {

        private Csv() {
        }

        static String cell(String value) {
            // OWASP "CSV injection": a cell starting with = + - @ (or a tab or carriage return) is a formula to
            // a spreadsheet; a leading apostrophe makes it text.
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                return "'" + value;
            }
            return value;
        }
    }
}
