package org.insigne.issuer.apitoken;

/** A token just created, with its secret: the only time anyone sees it. */
public record ApiTokenIssued(ApiTokenView token, String secret) {
}
