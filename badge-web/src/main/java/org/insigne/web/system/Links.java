package org.insigne.web.system;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for mails and badge documents: {@code insigne.base-url} when set (what a deployment behind
 * a proxy must do), else the address the current request came to.
 */
@Component
public class Links {

    private final InsigneProperties properties;

    Links(InsigneProperties properties) {
        this.properties = properties;
    }

    /** The absolute URL of {@code path} (which starts with {@code /}). Call it while serving a request. */
    public String absolute(String path) {
        String base = properties.baseUrl();
        if (base == null || base.isBlank()) {
            base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return base.replaceAll("/+$", "") + path;
    }
}
