package org.insigne.web.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record SignUpForm(
        @NotBlank @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 254) @Nullable String email,
        @NotBlank @Size(max = 100) @Nullable String displayName,
        @NotBlank @Size(min = AccountService.MIN_PASSWORD_LENGTH, max = 128) @Nullable String password) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "");
    }
}
