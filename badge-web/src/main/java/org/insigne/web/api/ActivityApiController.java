package org.insigne.web.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditEntryView;
import org.insigne.issuer.audit.AuditPage;
import org.insigne.issuer.dashboard.DashboardService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's activity log through the issuer API, newest first ({@code read}; the token's creator must be
 * an owner or administrator, as for the console's log). Addresses in details are masked as the console shows them.
 */
@RestController
@Tag(name = "Activity")
class ActivityApiController {

    /** One entry; {@code action} is the stored code, e.g. {@code award_created}. */
    record ActivityJson(UUID id, String action, @Nullable UUID actorId, String subjectType, UUID subjectId,
                        Map<String, String> detail, Instant at) {

        static ActivityJson of(AuditEntryView entry) {
            return new ActivityJson(entry.id(), entry.action().name().toLowerCase(Locale.ROOT), entry.actorId(),
                    entry.subjectType().name().toLowerCase(Locale.ROOT), entry.subjectId(), entry.detail(),
                    entry.at());
        }
    }

    private final DashboardService dashboards;
    private final ApiAccess access;

    ActivityApiController(DashboardService dashboards, ApiAccess access) {
        this.dashboards = dashboards;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/activity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The activity log, newest first, paged (scope read; token of an owner or administrator)")
    ResponseEntity<ApiPages.Page<ActivityJson>> activity(
            @Parameter(description = "Only entries of this action, e.g. award_created, award_revoked")
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        ApiPages.Request asked = ApiPages.of(page, size);
        AuditPage found = dashboards.auditLog(grant.organisation(), grant.actingUser(),
                action == null ? null : action(action), asked.index(), asked.size()).page();
        return ApiPages.answer(request, asked, found.entries().stream().map(ActivityJson::of).toList(), found.total());
    }

    private static AuditAction action(String value) {
        for (AuditAction action : AuditAction.values()) {
            if (action.name().toLowerCase(Locale.ROOT).equals(value)) {
                return action;
            }
        }
        throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "action");
    }
}
