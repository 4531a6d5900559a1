package org.insigne.issuer.network;

/** An organisation joined or left a network: its recognition list is out of date. */
public record NetworkMembersChanged(NetworkId network) {
}
