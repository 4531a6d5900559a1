/** The 1EdTech Open Badges 3.0 API with Insigne as a host: discovery, OAuth 2.0, credentials and profile. */
@NullMarked
package org.insigne.web.ob3api;

import org.jspecify.annotations.NullMarked;
