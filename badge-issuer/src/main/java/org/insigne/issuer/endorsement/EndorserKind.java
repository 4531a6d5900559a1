package org.insigne.issuer.endorsement;

/** Who endorses: an organisation, or a person with an account in their own name. The name is the stored code. */
public enum EndorserKind { ORGANISATION, PERSON }
