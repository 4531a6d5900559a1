package org.insigne.web.ob3api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains ahead of the application's own (which keeps form login for everything else): Spring's
 * authorization server on its {@code /oauth2/**} endpoints and the consent page, then the API under
 * {@code /ims/**}, which takes bearer tokens only. Clients, grants and consents live in PostgreSQL so that
 * every node knows every token. Access tokens are opaque and looked up on each call, so a grant the earner
 * revokes stops working at once.
 */
@Configuration(proxyBeanMethods = false)
class Ob3SecurityConfiguration {

    static final String CONSENT_PAGE = "/oauth2/consent";

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
                                                                  RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, SecurityHeaders securityHeaders,
                                                 RegisteredClientRepository clients,
                                                 OAuth2AuthorizationService authorizations,
                                                 OAuth2AuthorizationConsentService consents) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http
                .securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
                        PathPatternRequestMatcher.withDefaults().matcher(CONSENT_PAGE)))
                .with(server, as -> as
                        .registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consents)
                        .authorizationEndpoint(endpoint -> endpoint
                                .consentPage(CONSENT_PAGE)
                                .authenticationProviders(Ob3SecurityConfiguration::consentEveryTime)))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterAfter(new AccountIdPrincipal(), SecurityContextHolderFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    headers.addHeaderWriter(securityHeaders::write);
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ob3ApiChain(HttpSecurity http, SecurityHeaders securityHeaders,
                                    OAuth2AuthorizationService authorizations, ImsxErrors errors) throws Exception {
        http
                .securityMatcher("/ims/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, Ob3Api.DISCOVERY).permitAll()
                        .requestMatchers(HttpMethod.POST, Ob3Api.REGISTRATION).permitAll()
                        .requestMatchers(HttpMethod.GET, Ob3Api.CREDENTIALS)
                        .hasAuthority(Ob3Scopes.authority(Ob3Scopes.CREDENTIAL_READONLY))
                        .requestMatchers(HttpMethod.POST, Ob3Api.CREDENTIALS)
                        .hasAuthority(Ob3Scopes.authority(Ob3Scopes.CREDENTIAL_UPSERT))
                        .requestMatchers(HttpMethod.GET, Ob3Api.PROFILE)
                        .hasAuthority(Ob3Scopes.authority(Ob3Scopes.PROFILE_READONLY))
                        .requestMatchers(HttpMethod.PUT, Ob3Api.PROFILE)
                        .hasAuthority(Ob3Scopes.authority(Ob3Scopes.PROFILE_UPDATE))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .opaqueToken(opaque -> opaque.introspector(new StoredTokenIntrospector(authorizations)))
                        .authenticationEntryPoint(errors::unauthorized)
                        .accessDeniedHandler(errors::forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors::unauthorized)
                        .accessDeniedHandler(errors::forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> {
                    headers.defaultsDisabled();
                    headers.addHeaderWriter(securityHeaders::write);
                });
        return http.build();
    }

    /**
     * Shows the consent page at every authorization, even for scopes granted before. Besides telling the
     * earner each time, this keeps the redirect to the application behind the consent form, whose security
     * policy allows it: after the login form, whose {@code form-action} is {@code 'self'}, a browser would
     * block a redirect straight to the application.
     */
    private static void consentEveryTime(List<AuthenticationProvider> providers) {
        for (AuthenticationProvider provider : providers) {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                codeRequests.setAuthorizationConsentRequired(context -> true);
            }
        }
    }

    /**
     * Hands the authorization server the earner as their account id rather than the session's
     * {@link AccountUser}: the grant stores its principal, which must stay readable from the database (a plain
     * name is) and keep naming the same person when they change their login address. Pages (the consent
     * page) keep the account as the layout shows it.
     */
    static final class AccountIdPrincipal extends OncePerRequestFilter {

        private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        private final RequestMatcher authorizationEndpoint = PathPatternRequestMatcher.withDefaults()
                .matcher(AuthorizationServerSettings.builder().build().getAuthorizationEndpoint());

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SecurityContext original = holder.getContext();
            Authentication signedIn = original.getAuthentication();
            if (!authorizationEndpoint.matches(request) || signedIn == null
                    || !(signedIn.getPrincipal() instanceof AccountUser user)) {
                chain.doFilter(request, response);
                return;
            }
            SecurityContext byId = holder.createEmptyContext();
            byId.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.id().toString(), null,
                    user.getAuthorities()));
            holder.setContext(byId);
            try {
                chain.doFilter(request, response);
            } finally {
                holder.setContext(original);
            }
        }
    }
}
