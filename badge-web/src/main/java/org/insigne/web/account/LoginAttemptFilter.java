package org.insigne.web.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a login before Spring Security looks the user up when the client address has failed too many logins
 * lately (the same "too many attempts" answer as a locked account), or when the user name is longer than any
 * account's: that one is a failure of the client's, and the name goes no further than this request.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2)
class LoginAttemptFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginAttemptFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (throttle.isClientBlocked(client)) {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        String username = request.getParameter("username");
        if (username != null && username.length() > LoginThrottle.MAX_NAME_LENGTH) {
            throttle.recordClientFailure(client);
            response.sendRedirect(request.getContextPath() + "/login?error=credentials");
            return;
        }
        chain.doFilter(request, response);
    }
}
