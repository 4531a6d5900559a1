package org.insigne.issuer.badgeclass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** What a badge recognises, written by an organisation; its status moves only forward, draft to archived. */
@Entity
@Table(name = "badge_class")
class BadgeClass {

    @Id
    private UUID id;

    private UUID organisationId;

    private String name;

    private String description;

    private String criteriaMarkdown;

    @ElementCollection
    @CollectionTable(name = "badge_class_alignment", joinColumns = @JoinColumn(name = "badge_class_id"))
    @OrderColumn(name = "position")
    private List<Alignment> alignments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "badge_class_tag", joinColumns = @JoinColumn(name = "badge_class_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag")
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "badge_class_level", joinColumns = @JoinColumn(name = "badge_class_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    private List<String> levels = new ArrayList<>();

    private @Nullable Integer expiryMonths;

    private boolean evidenceRequired;

    @Enumerated(EnumType.STRING)
    private BadgeClassStatus status;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected BadgeClass() {
        // for JPA
    }

    BadgeClass(OrganisationId organisation, BadgeClassContent content, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.status = BadgeClassStatus.DRAFT;
        this.createdAt = now;
        write(content, now);
    }

    BadgeClassId id() {
        return new BadgeClassId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    BadgeClassStatus status() {
        return status;
    }

    String name() {
        return name;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    BadgeClassContent content() {
        return new BadgeClassContent(name, description, criteriaMarkdown, alignments, tags, levels, expiryMonths,
                evidenceRequired);
    }

    /** Rewrites the badge class; an archived one is frozen. */
    void edit(BadgeClassContent content, Instant now) {
        if (status == BadgeClassStatus.ARCHIVED) {
            throw new BadgeClassStatusForbids(status, "edit");
        }
        write(content, now);
    }

    /** Makes a draft available for awarding. */
    void publish(Instant now) {
        if (status != BadgeClassStatus.DRAFT) {
            throw new BadgeClassStatusForbids(status, "publish");
        }
        status = BadgeClassStatus.PUBLISHED;
        updatedAt = now;
    }

    /** Stops awarding and editing; badges already awarded stay valid. */
    void archive(Instant now) {
        if (status == BadgeClassStatus.ARCHIVED) {
            throw new BadgeClassStatusForbids(status, "archive");
        }
        status = BadgeClassStatus.ARCHIVED;
        updatedAt = now;
    }

    private void write(BadgeClassContent content, Instant now) {
        this.name = content.name();
        this.description = content.description();
        this.criteriaMarkdown = content.criteriaMarkdown();
        this.alignments.clear();
        this.alignments.addAll(content.alignments());
        this.tags.clear();
        this.tags.addAll(content.tags());
        this.levels.clear();
        this.levels.addAll(content.levels());
        this.expiryMonths = content.expiryMonths();
        this.evidenceRequired = content.evidenceRequired();
        this.updatedAt = now;
    }
}
