package org.insigne.web.issuer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.audit.ActorDirectory;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.springframework.stereotype.Component;

/** Tells the audit log the address of the account acting, from the accounts kept by the web module. */
@Component
class AccountActorDirectory implements ActorDirectory {

    private final AccountService accounts;

    AccountActorDirectory(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> emailOf(UUID userId) {
        return Optional.ofNullable(accounts.summaries(List.of(userId)).get(userId)).map(AccountSummary::email);
    }
}
