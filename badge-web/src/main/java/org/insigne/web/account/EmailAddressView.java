package org.insigne.web.account;

import java.util.UUID;

/**
 * One of an account's e-mail addresses as its owner sees it. {@code login} marks the address used to sign in
 * (and to which password resets go); {@code id} is null for it, since it lives on the account itself.
 */
public record EmailAddressView(@org.jspecify.annotations.Nullable UUID id, String email, boolean confirmed,
                               boolean login) {
}
