/** Applications for badges: the public apply page, the applicant's "my applications", the reviewers' queue. */
@NullMarked
package org.insigne.web.application;

import org.jspecify.annotations.NullMarked;
