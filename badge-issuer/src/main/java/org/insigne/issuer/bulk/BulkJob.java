package org.insigne.issuer.bulk;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * One uploaded file of awards, from review to report. The file's bytes are kept until it is confirmed; its
 * rows then live in {@code bulk_award_row}, so the bytes are dropped.
 */
@Entity
@Table(name = "bulk_award_job")
class BulkJob {

    @Id
    private UUID id;

    private UUID organisationId;

    private UUID badgeClassId;

    private UUID createdBy;

    private String fileName;

    private byte[] content;

    private String locale;

    private String baseUrl;

    @Enumerated(EnumType.STRING)
    private BulkJobStatus status;

    private int totalRows;

    private Instant createdAt;

    private @Nullable Instant startedAt;

    private @Nullable Instant finishedAt;

    @Version
    private long version;

    protected BulkJob() {
        // for JPA
    }

    BulkJob(OrganisationId organisation, BadgeClassId badgeClass, UUID createdBy, String fileName, byte[] content,
            Locale locale, String baseUrl, int totalRows, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.badgeClassId = badgeClass.value();
        this.createdBy = createdBy;
        this.fileName = fileName;
        this.content = content.clone();
        this.locale = locale.toLanguageTag();
        this.baseUrl = baseUrl;
        this.status = BulkJobStatus.PREVIEW;
        this.totalRows = totalRows;
        this.createdAt = now;
    }

    BulkJobId id() {
        return new BulkJobId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    BadgeClassId badgeClassId() {
        return new BadgeClassId(badgeClassId);
    }

    UUID createdBy() {
        return createdBy;
    }

    String fileName() {
        return fileName;
    }

    byte[] content() {
        return content.clone();
    }

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    String baseUrl() {
        return baseUrl;
    }

    BulkJobStatus status() {
        return status;
    }

    int totalRows() {
        return totalRows;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant startedAt() {
        return startedAt;
    }

    @Nullable Instant finishedAt() {
        return finishedAt;
    }

    /** Confirmed: the rows are stored, so the file itself is no longer needed. Refused the second time. */
    void start(Instant now) {
        if (status != BulkJobStatus.PREVIEW) {
            throw new BulkJobAlreadyConfirmed(id());
        }
        status = BulkJobStatus.RUNNING;
        startedAt = now;
        content = new byte[0];
    }

    void finish(Instant now) {
        if (status == BulkJobStatus.RUNNING) {
            status = BulkJobStatus.DONE;
            finishedAt = now;
        }
    }
}
