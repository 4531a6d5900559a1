package org.insigne.issuer.work;

/**
 * Thrown inside a transaction that was to commit work under a lease another node now holds; the transaction
 * rolls back, so nothing the other node may redo is kept twice.
 */
public final class LeaseLost extends RuntimeException {

    public LeaseLost(String name) {
        super("lease " + name + " is held by another node");
    }
}
