/** The Insigne application: pages for issuers, earners and recruiters, and the REST API. */
@NullMarked
package org.insigne.web;

import org.jspecify.annotations.NullMarked;
