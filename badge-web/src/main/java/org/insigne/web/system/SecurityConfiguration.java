package org.insigne.web.system;

import java.io.IOException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Who may open what. Public: home, sign-up and password pages, verification, badge documents, health.
 * Signed-in: the console and the backpack. Every form carries a CSRF token, but two take none because they
 * act for nobody: the JSON API (no session is used there) and the "does this badge belong to …?" form of the
 * public badge pages ({@link BadgePages}), which changes nothing, answers only whoever sends it, and is rate
 * limited per client; a forged cross-site submission could learn nothing its author could not ask directly.
 * Without a token to hand out, those pages set no cookie and create no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityHeaders securityHeaders(@Value("${insigne.territory.tile-url:}") String tileUrl) {
        return new SecurityHeaders(contentSecurityPolicy(tileUrl));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityHeaders securityHeaders) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/**", "/backpack/**", "/account", "/account/export", "/account/delete")
                        .authenticated()
                        .requestMatchers("/account/emails", "/account/emails/**").authenticated()
                        .requestMatchers("/start").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/start", false)
                        .failureHandler(loginFailureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**").ignoringRequestMatchers(BadgePages::isBadgePage))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    securityHeaders.writers().forEach(headers::addHeaderWriter);
                });
        return http.build();
    }

    /**
     * The policy: our own origin only, plus the map tile server's origin for images when one is configured
     * ({@code insigne.territory.tile-url}), so that no other third party is ever contacted by a page.
     */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileOrigin(tileUrl);
        return "default-src 'self'; img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles)
                + "; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    private static final Pattern TILE_URL = Pattern.compile(
            "(https?)://((?:\\{s\\}\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)(:\\d{1,5})?/[^\\s;,'\"]*");

    /**
     * The CSP source of a Leaflet tile URL template such as {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}:
     * scheme, host (a leading {@code {s}} sub-domain becomes {@code *}, the only wildcard CSP allows) and port.
     * Empty when no tile server is set; anything else refuses to start, since it would end up in a header.
     */
    static String tileOrigin(String tileUrl) {
        if (tileUrl.isBlank()) {
            return "";
        }
        Matcher m = TILE_URL.matcher(tileUrl.strip());
        if (!m.matches()) {
            throw new IllegalStateException("insigne.territory.tile-url must be an http(s) URL template such as "
                    + "https://{s}.tile.example.org/{z}/{x}/{y}.png");
        }
        return m.group(1) + "://" + m.group(2).replace("{s}", "*") + (m.group(3) == null ? "" : m.group(3));
    }

    /** Tells the login page why: wrong password, unconfirmed address, or too many attempts. */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String reason = exception instanceof LockedException ? "throttled"
                    : exception instanceof DisabledException ? "unconfirmed" : "credentials";
            redirect(request, response, "/login?error=" + reason);
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
