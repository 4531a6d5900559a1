package org.insigne.core.ob3;

/**
 * Which status list credentials a verifier believes. vc-bitstring-status-list §3.2 "Validate Algorithm" has the
 * verifier check the status list credential's proofs but leaves to it whom it trusts to publish the list: some
 * issuers have a status service sign lists under its own DID (the Digital Credentials Consortium does so).
 */
public enum StatusListTrust {

    /**
     * Only a list issued by the badge's own issuer is read; any other list leaves revocation unverified (the
     * verdict is indeterminate). For deployments that must not rely on a third party's word.
     */
    ISSUER_ONLY,

    /**
     * A list issued by someone else is read when its own proof verifies with a key its issuer controls; the
     * report then carries a warning naming that issuer ({@code ob3.status-list}), so a reader sees who vouches
     * for the revocation state. An unsigned list is still believed only from the badge's issuer. The default,
     * as in other verifiers (DCC verifier-core), so that badges issued this way verify alike everywhere.
     */
    ANY_VERIFIED_ISSUER
}
