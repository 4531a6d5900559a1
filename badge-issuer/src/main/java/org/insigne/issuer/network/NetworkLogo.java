package org.insigne.issuer.network;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.image.UploadedImage;

/** A network's logo, checked on upload like an organisation's, served as it was sent. */
@Entity
@Table(name = "network_logo")
class NetworkLogo extends UploadedImage {

    @Id
    private UUID networkId;

    protected NetworkLogo() {
        // for JPA
    }

    NetworkLogo(NetworkId network, StoredImage image, Instant now) {
        super(image, now);
        this.networkId = network.value();
    }
}
