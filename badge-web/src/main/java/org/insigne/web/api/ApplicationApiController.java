package org.insigne.web.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.application.ApplicationEvent;
import org.insigne.issuer.application.ApplicationId;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Evidence;
import org.insigne.issuer.application.QueueEntry;
import org.insigne.issuer.application.QueuePage;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.web.application.ApplicationNotifier;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
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
 * Applications for badges through the issuer API: list and read ({@code read}), and the console's three
 * decisions ({@code award}): award, ask for changes, refuse. Decisions go through the same service calls as the
 * review screen, under the same row lock, so that of two deciders the second is told the application moved on;
 * the applicant (and, once awarded, the earner) is mailed as from the console.
 */
@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications")
class ApplicationApiController {

    /** A line of the list; {@code state} is the lower-case name of the state, e.g. {@code changes_requested}. */
    record ApplicationSummaryJson(UUID id, UUID badgeClass, String badgeClassName, String applicantName,
                                  String state, int revision, Instant submittedAt) {

        static ApplicationSummaryJson of(QueueEntry e) {
            return new ApplicationSummaryJson(e.id().value(), e.badgeClass().value(), e.badgeClassName(),
                    e.applicantName(), code(e.state()), e.revision(), e.submittedAt());
        }
    }

    /** One application with its evidence and its history in order. */
    record ApplicationJson(UUID id, UUID badgeClass, String badgeClassName, Applicant applicant, String state,
                           int revision, String narrative, Instant createdAt, Instant submittedAt,
                           @Nullable UUID award, List<EvidenceJson> evidence, List<EventJson> history) {

        static ApplicationJson of(ApplicationView a) {
            return new ApplicationJson(a.id().value(), a.badgeClass().value(), a.badgeClassName(),
                    new Applicant(a.applicantName(), a.applicantEmail()), code(a.state()), a.revision(),
                    a.narrative(), a.createdAt(), a.submittedAt(), a.award() == null ? null : a.award().value(),
                    a.evidence().stream().map(EvidenceJson::of).toList(),
                    a.history().stream().map(EventJson::of).toList());
        }
    }

    record Applicant(String name, String email) {
    }

    /** A link ({@code url}) or a file ({@code fileName}, {@code mediaType}, {@code size}, read in the console). */
    record EvidenceJson(UUID id, @Nullable String url, @Nullable String fileName, @Nullable String mediaType,
                        @Nullable Integer size, boolean isPublic) {

        static EvidenceJson of(Evidence e) {
            return new EvidenceJson(e.id(), e.url(), e.fileName(), e.mediaType(), e.isFile() ? e.size() : null,
                    e.isPublic());
        }
    }

    record EventJson(String kind, @Nullable UUID actorId, @Nullable String message, Instant at) {

        static EventJson of(ApplicationEvent e) {
            return new EventJson(e.kind().name().toLowerCase(Locale.ROOT), e.actorId(), e.message(), e.at());
        }
    }

    /** Awarding: the level (one of the badge class's) and an optional message to the applicant. */
    record AwardDecision(@Nullable String level, @Nullable String message) {
    }

    /** Asking for changes or refusing: the message to the applicant, required. */
    record MessageDecision(@Nullable String message) {
    }

    private final ApplicationService applications;
    private final ApplicationNotifier notifier;
    private final ApiAccess access;
    private final Links links;

    ApplicationApiController(ApplicationService applications, ApplicationNotifier notifier, ApiAccess access,
                             Links links) {
        this.applications = applications;
        this.notifier = notifier;
        this.access = access;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "List the organisation's applications, oldest waiting first, with filters and paging "
            + "(scope read)")
    ResponseEntity<ApiPages.Page<ApplicationSummaryJson>> list(
            @Parameter(description = "Only applications for this badge class")
            @RequestParam(required = false) @Nullable String badgeClass,
            @Parameter(description = "Only applications in these states, comma-separated: submitted, "
                    + "changes_requested, awarded, refused, withdrawn (default: all)")
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        ApiPages.Request asked = ApiPages.of(page, size);
        QueuePage found = applications.queuePage(grant.organisation(), grant.actingUser(),
                badgeClass == null ? null : new BadgeClassId(AwardApiController.uuid("badgeClass", badgeClass)),
                states(state), asked.index(), asked.size());
        return ApiPages.answer(request, asked, found.entries().stream().map(ApplicationSummaryJson::of).toList(),
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one application with its evidence and history (scope read)")
    ApplicationJson read(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        return ApplicationJson.of(applications.review(grant.organisation(), new ApplicationId(id), grant.actingUser())
                .application());
    }

    @PostMapping(path = "/{id}/award", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Award the badge applied for, at a level of the badge class (scope award); 409 when "
            + "the application was decided meanwhile",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AwardDecision.class))))
    ApplicationJson award(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.AWARD);
        AwardDecision input = ApiBodies.json(request, AwardDecision.class);
        if (input.level() == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing-field", "level");
        }
        ApplicationView decided = applications.award(grant.organisation(), new ApplicationId(id), grant.actingUser(),
                input.level(), input.message(), links.hostedUrls());
        // With approvals still owed, the answer shows the application still submitted.
        notifier.awarded(grant.organisation(), decided, grant.actingUser());
        return ApplicationJson.of(decided);
    }

    @PostMapping(path = "/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask the applicant for changes, saying which (scope award)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = MessageDecision.class))))
    ApplicationJson askForChanges(@PathVariable UUID id, HttpServletRequest request) {
        return decide(id, request, (grant, application, message) -> applications.askForChanges(grant.organisation(),
                application, grant.actingUser(), message));
    }

    @PostMapping(path = "/{id}/refuse", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refuse the application, with the reason the applicant reads (scope award)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = MessageDecision.class))))
    ApplicationJson refuse(@PathVariable UUID id, HttpServletRequest request) {
        return decide(id, request, (grant, application, message) -> applications.refuse(grant.organisation(),
                application, grant.actingUser(), message));
    }

    /** A decision that takes only a message: the service call, given the grant, the application and the text. */
    @FunctionalInterface
    private interface MessageOnly {
        ApplicationView decide(ApiGrant grant, ApplicationId application, String message);
    }

    private ApplicationJson decide(UUID id, HttpServletRequest request, MessageOnly decision) {
        ApiGrant grant = access.require(request, ApiScope.AWARD);
        MessageDecision input = ApiBodies.json(request, MessageDecision.class);
        ApplicationView decided = decision.decide(grant, new ApplicationId(id),
                input.message() == null ? "" : input.message());
        notifier.changed(decided);
        return ApplicationJson.of(decided);
    }

    private static String code(ApplicationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static List<ApplicationState> states(@Nullable String value) {
        List<ApplicationState> states = new ArrayList<>();
        if (value == null) {
            return states;
        }
        for (String wanted : value.split(",", -1)) {
            states.add(Arrays.stream(ApplicationState.values()).filter(s -> code(s).equals(wanted.strip()))
                    .findFirst()
                    .orElseThrow(() -> new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "state")));
        }
        return states;
    }
}
