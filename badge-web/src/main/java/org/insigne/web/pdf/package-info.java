/** Documents to print or keep: Thymeleaf templates rendered to tagged PDF with embedded fonts and files. */
@NullMarked
package org.insigne.web.pdf;

import org.jspecify.annotations.NullMarked;
