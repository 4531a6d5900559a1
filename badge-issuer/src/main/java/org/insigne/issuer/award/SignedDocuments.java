package org.insigne.issuer.award;

/** The two forms of one award, as the exact bytes served and verified. */
record SignedDocuments(byte[] ob2Assertion, byte[] ob3Credential) {
}
