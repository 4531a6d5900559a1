package org.insigne.issuer.network;

import org.insigne.core.error.DomainException;

/** No such network, or no such invitation of it. */
public final class NetworkNotFound extends DomainException {
    public NetworkNotFound() {
        super(Kind.NOT_FOUND, "error.network.not-found");
    }
}
