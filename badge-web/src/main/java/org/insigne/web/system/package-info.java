/** Layout, errors, languages, security, mail and the database the application starts on. */
@NullMarked
package org.insigne.web.system;

import org.jspecify.annotations.NullMarked;
