package org.insigne.web.account;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds them: id and name, never the account entity. */
public record AccountUser(UUID id, String email, String displayName, String passwordHash, boolean enabled,
                          boolean locked) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    /** A copy without the password hash, for the security context. */
    public AccountUser withoutPassword() {
        return new AccountUser(id, email, displayName, "", enabled, locked);
    }

    @Override
    public String toString() {
        return "AccountUser[" + id + "]";
    }
}
