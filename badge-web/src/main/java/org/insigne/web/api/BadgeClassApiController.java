package org.insigne.web.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassSummary;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Badge classes through the issuer API: read with {@code read}, write with {@code manage}. */
@RestController
@RequestMapping(path = "/api/v1/badge-classes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Badge classes")
class BadgeClassApiController {

    /** A badge class as the API shows it. */
    record BadgeClassJson(UUID id, String name, String description, String criteria, List<AlignmentJson> alignments,
                          List<String> tags, List<String> levels, @Nullable Integer expiryMonths,
                          boolean evidenceRequired, String status, Instant updatedAt, String imageUrl) {

        static BadgeClassJson of(BadgeClassView view, Links links) {
            BadgeClassContent c = view.content();
            return new BadgeClassJson(view.id().value(), c.name(), c.description(), c.criteriaMarkdown(),
                    c.alignments().stream().map(AlignmentJson::of).toList(), c.tags(), c.levels(), c.expiryMonths(),
                    c.evidenceRequired(), view.status().name().toLowerCase(Locale.ROOT), view.updatedAt(),
                    links.hostedUrls().badgeImage(view.id().value()));
        }
    }

    /** A line of the list. */
    record BadgeClassLine(UUID id, String name, String status, Instant updatedAt) {

        static BadgeClassLine of(BadgeClassSummary summary) {
            return new BadgeClassLine(summary.id().value(), summary.name(),
                    summary.status().name().toLowerCase(Locale.ROOT), summary.updatedAt());
        }
    }

    /** An alignment to a competence framework entry. */
    record AlignmentJson(String framework, @Nullable String code, String name, String url) {

        static AlignmentJson of(Alignment a) {
            return new AlignmentJson(a.framework(), a.code(), a.name(), a.url());
        }
    }

    /**
     * What a client writes. {@code image} is the PNG or SVG in base64 (at most 1 MB decoded): required to create,
     * kept when absent on update. Absent lists are empty; absent {@code levels} are the default levels.
     */
    record BadgeClassInput(@Nullable String name, @Nullable String description, @Nullable String criteria,
                           @Nullable List<AlignmentJson> alignments, @Nullable List<String> tags,
                           @Nullable List<String> levels, @Nullable Integer expiryMonths,
                           @Nullable Boolean evidenceRequired, @Nullable String image) {

        BadgeClassContent content() {
            return new BadgeClassContent(name == null ? "" : name, description == null ? "" : description,
                    criteria == null ? "" : criteria,
                    alignments == null ? List.of() : alignments.stream()
                            .map(a -> new Alignment(a.framework(), a.code(), a.name(), a.url())).toList(),
                    tags == null ? List.of() : tags.stream().map(t -> t == null ? "" : t).toList(),
                    levels == null ? BadgeClassContent.DEFAULT_LEVELS
                            : levels.stream().map(l -> l == null ? "" : l).toList(),
                    expiryMonths, Boolean.TRUE.equals(evidenceRequired));
        }

        @Nullable StoredImage storedImage() {
            if (image == null) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(image);
            } catch (IllegalArgumentException e) {
                throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.invalid-value", "image");
            }
            return ImageUploads.accept(bytes);
        }
    }

    private final BadgeClassService badgeClasses;
    private final ApiAccess access;
    private final Links links;

    BadgeClassApiController(BadgeClassService badgeClasses, ApiAccess access, Links links) {
        this.badgeClasses = badgeClasses;
        this.access = access;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "List the organisation's badge classes, by name (scope read)")
    ResponseEntity<ApiPages.Page<BadgeClassLine>> list(@RequestParam(required = false) @Nullable String page,
                                                       @RequestParam(required = false) @Nullable String size,
                                                       HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        ApiPages.Request asked = ApiPages.of(page, size);
        List<BadgeClassSummary> all = badgeClasses.badgeClasses(grant.organisation(), grant.actingUser());
        List<BadgeClassLine> items = all.stream().skip((long) asked.index() * asked.size()).limit(asked.size())
                .map(BadgeClassLine::of).toList();
        return ApiPages.answer(request, asked, items, all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one badge class (scope read)")
    BadgeClassJson read(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        return BadgeClassJson.of(badgeClasses.badgeClass(grant.organisation(), new BadgeClassId(id),
                grant.actingUser()), links);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft badge class (scope manage)", requestBody =
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = BadgeClassInput.class))))
    ResponseEntity<BadgeClassJson> create(HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        BadgeClassInput input = ApiBodies.json(request, BadgeClassInput.class);
        StoredImage image = input.storedImage();
        if (image == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.badge-class.image-missing");
        }
        BadgeClassView created = badgeClasses.create(grant.organisation(), grant.actingUser(), input.content(), image);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create(links.absolute("/api/v1/badge-classes/" + created.id().value())))
                .body(BadgeClassJson.of(created, links));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rewrite a badge class; its image is kept when none is sent (scope manage)", requestBody =
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = BadgeClassInput.class))))
    BadgeClassJson update(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        BadgeClassInput input = ApiBodies.json(request, BadgeClassInput.class);
        BadgeClassId badgeClass = new BadgeClassId(id);
        // The same checks as the console's edit form: role, organisation, not archived.
        badgeClasses.badgeClassToEdit(grant.organisation(), badgeClass, grant.actingUser());
        return BadgeClassJson.of(badgeClasses.edit(grant.organisation(), badgeClass, grant.actingUser(),
                input.content(), input.storedImage()), links);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft badge class, so that it can be awarded (scope manage)")
    BadgeClassJson publish(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        return BadgeClassJson.of(badgeClasses.publish(grant.organisation(), new BadgeClassId(id),
                grant.actingUser()), links);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a badge class: no more awards, those made stay valid (scope manage)")
    BadgeClassJson archive(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        return BadgeClassJson.of(badgeClasses.archive(grant.organisation(), new BadgeClassId(id),
                grant.actingUser()), links);
    }
}
