package org.insigne.issuer.endorsement;

/** Who endorses. The name is the stored code. Persons and outside endorsers are to come. */
public enum EndorserKind { ORGANISATION }
