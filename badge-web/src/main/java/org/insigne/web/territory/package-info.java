/**
 * The learning-territory map's pages: the earner's opt-in settings ({@code /backpack/territory}), the public
 * map and list ({@code /territoire}) and the contact form that mails an earner without showing their address.
 */
@NullMarked
package org.insigne.web.territory;

import org.jspecify.annotations.NullMarked;
