/** People's accounts: sign-up, e-mail confirmation, login throttling and password reset. */
@NullMarked
package org.insigne.web.account;

import org.jspecify.annotations.NullMarked;
