package org.insigne.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record NewPasswordForm(
        @Size(max = 100) @Nullable String token,
        @NotBlank @Size(min = AccountService.MIN_PASSWORD_LENGTH, max = 128) @Nullable String password) {
}
