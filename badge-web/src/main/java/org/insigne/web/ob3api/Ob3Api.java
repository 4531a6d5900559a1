package org.insigne.web.ob3api;

/** The API's paths (OB 3.0 §6.1: every endpoint under {@code /ims/ob/v3p0}). */
final class Ob3Api {

    static final String BASE = "/ims/ob/v3p0";
    static final String DISCOVERY = BASE + "/discovery";
    static final String REGISTRATION = BASE + "/auth/register";
    static final String CREDENTIALS = BASE + "/credentials";
    static final String PROFILE = BASE + "/profile";

    private Ob3Api() {
    }
}
