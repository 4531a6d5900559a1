package org.insigne.web.ob3api;

import java.util.List;

/** The scopes of the Open Badges 3.0 API (OB 3.0 §6.2.2), each granting one group of operations. */
final class Ob3Scopes {

    static final String BASE = "https://purl.imsglobal.org/spec/ob/v3p0/scope/";
    static final String CREDENTIAL_READONLY = BASE + "credential.readonly";
    static final String CREDENTIAL_UPSERT = BASE + "credential.upsert";
    static final String PROFILE_READONLY = BASE + "profile.readonly";
    static final String PROFILE_UPDATE = BASE + "profile.update";

    static final List<String> ALL = List.of(CREDENTIAL_READONLY, CREDENTIAL_UPSERT, PROFILE_READONLY, PROFILE_UPDATE);

    /** The message key that tells an earner what a scope lets an application do. */
    static String messageKey(String scope) {
        return "ob3api.scope." + scope.substring(BASE.length());
    }

    static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    private Ob3Scopes() {
    }
}
