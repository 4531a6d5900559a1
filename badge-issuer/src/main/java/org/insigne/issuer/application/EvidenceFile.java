package org.insigne.issuer.application;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of one evidence file, as received and checked; only ever served as a download. */
@Entity
@Table(name = "application_file")
class EvidenceFile {

    @Id
    private UUID id;

    private UUID applicationId;

    private byte[] content;

    protected EvidenceFile() {
        // for JPA
    }

    EvidenceFile(UUID id, ApplicationId application, byte[] content) {
        this.id = id;
        this.applicationId = application.value();
        this.content = content.clone();
    }

    byte[] content() {
        return content.clone();
    }
}
