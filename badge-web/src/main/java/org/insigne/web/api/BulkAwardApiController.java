package org.insigne.web.api;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkJobId;
import org.insigne.issuer.bulk.BulkProgress;
import org.insigne.issuer.bulk.BulkReportRow;
import org.insigne.issuer.bulk.CsvReader;
import org.insigne.web.system.ApiLocale;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk awards through the issuer API, from JSON or from a CSV file in the console's format (docs/BULK-AWARD.md):
 * the rows are checked and issued in the background as a job of the console's bulk award, whose progress and
 * per-row outcome the job resource tells. Starting needs {@code award}, following a job {@code read}.
 */
@RestController
@RequestMapping(path = "/api/v1/bulk-awards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bulk awards")
class BulkAwardApiController {

    /** One award of a JSON bulk request, with the fields of a single award. */
    record BulkAwardItem(AwardApiController.@Nullable Recipient recipient, @Nullable String level,
                         AwardApiController.@Nullable Evidence evidence, @Nullable LocalDate issuedOn) {
    }

    record BulkAwardInput(@Nullable UUID badgeClass, @Nullable List<BulkAwardItem> awards) {
    }

    /** A job and how far it is; {@code rows} once confirmed, in file order (line 2 is the first award). */
    record BulkJobJson(UUID id, UUID badgeClass, String status, int total, int pending, int issued, int duplicate,
                       int invalid, int failed, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                       List<RowJson> rows) {
    }

    record RowJson(int line, String email, String status, List<RowErrorJson> errors, @Nullable UUID awardId) {
    }

    record RowErrorJson(String code, String message) {
    }

    private final BulkAwardService bulk;
    private final ApiAccess access;
    private final Links links;
    private final MessageSource messages;

    BulkAwardApiController(BulkAwardService bulk, ApiAccess access, Links links, MessageSource messages) {
        this.bulk = bulk;
        this.access = access;
        this.links = links;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Award a badge class to many people from JSON; answers the job (scope award)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = BulkAwardInput.class))))
    ResponseEntity<BulkJobJson> fromJson(HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.AWARD);
        BulkAwardInput input = ApiBodies.json(request, BulkAwardInput.class);
        if (input.badgeClass() == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing-field", "badgeClass");
        }
        if (input.awards() == null || input.awards().isEmpty()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing-field", "awards");
        }
        if (input.awards().size() > CsvReader.MAX_RECORDS) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.bulk.too-many", CsvReader.MAX_RECORDS);
        }
        return start(grant, input.badgeClass(), "api.json", csv(input.awards()), request);
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Award a badge class to many people from a CSV file (the console's format); answers the "
            + "job (scope award)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    ResponseEntity<BulkJobJson> fromCsv(@Parameter(description = "The badge class to award", required = true)
                                        @RequestParam(required = false) @Nullable String badgeClass,
                                        HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.AWARD);
        if (badgeClass == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.missing", "badgeClass");
        }
        UUID id = AwardApiController.uuid("badgeClass", badgeClass);
        byte[] bytes = ApiBodies.bounded(request, ApiBodies.MAX_CSV_BYTES);
        return start(grant, id, "api.csv", bytes, request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A bulk award job: its progress and the outcome of each row (scope read)")
    BulkJobJson job(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        return json(grant, new BulkJobId(id), ApiLocale.of(request));
    }

    private ResponseEntity<BulkJobJson> start(ApiGrant grant, UUID badgeClass, String fileName, byte[] csv,
                                              HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        BulkJobId job = bulk.upload(grant.organisation(), new BadgeClassId(badgeClass), grant.actingUser(), fileName,
                csv, locale, links.absolute(""));
        // The console shows the rows for review first; a client has reviewed what it sends.
        bulk.confirm(grant.organisation(), job, grant.actingUser());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(links.absolute("/api/v1/bulk-awards/" + job.value())))
                .body(json(grant, job, locale));
    }

    private BulkJobJson json(ApiGrant grant, BulkJobId id, Locale locale) {
        BulkProgress p = bulk.progress(grant.organisation(), id, grant.actingUser());
        List<RowJson> rows = bulk.report(grant.organisation(), id, grant.actingUser()).stream()
                .map(row -> row(row, locale)).toList();
        return new BulkJobJson(id.value(), p.badgeClass().value(), p.status().name().toLowerCase(Locale.ROOT),
                p.total(), p.pending(), p.issued(), p.duplicate(), p.invalid(), p.failed(), p.startedAt(),
                p.finishedAt(), rows);
    }

    private RowJson row(BulkReportRow row, Locale locale) {
        return new RowJson(row.line(), row.email(), row.status().name().toLowerCase(Locale.ROOT),
                row.errors().stream().map(e -> new RowErrorJson(e.code(),
                        messages.getMessage(e.messageKey(), e.args(), e.code(), locale))).toList(),
                row.awardId());
    }

    /** The JSON awards as a file of the console's format, so that the bulk award reads them as it reads files. */
    private static byte[] csv(List<BulkAwardItem> awards) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord("email", "name", "level", "evidence", "narrative", "date");
            for (BulkAwardItem item : awards) {
                AwardApiController.Recipient to = item == null || item.recipient() == null
                        ? new AwardApiController.Recipient(null, null) : item.recipient();
                AwardApiController.Evidence evidence = item == null ? null : item.evidence();
                printer.printRecord(text(to.email()), text(to.name()), text(item == null ? null : item.level()),
                        text(evidence == null ? null : evidence.url()),
                        text(evidence == null ? null : evidence.narrative()),
                        item == null || item.issuedOn() == null ? "" : item.issuedOn().toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
