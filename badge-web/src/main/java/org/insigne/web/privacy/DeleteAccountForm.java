package org.insigne.web.privacy;

import org.jspecify.annotations.Nullable;

/** The password that confirms the erasure of an account. */
record DeleteAccountForm(@Nullable String password) {

    String passwordOrEmpty() {
        return password == null ? "" : password;
    }
}
