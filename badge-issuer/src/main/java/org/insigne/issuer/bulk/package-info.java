/** Awarding one badge class to many people from a CSV file: parsing, preview, and the background job. */
@NullMarked
package org.insigne.issuer.bulk;

import org.jspecify.annotations.NullMarked;
