package org.insigne.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rows of {@code shared/HOSTILE-INPUTS.md} (such as {@code "F1"} or {@code "S12"}) whose attack the
 * test plays and whose expected behaviour it asserts, so that a row no test names is found by
 * {@code HostileInputCatalogueTests}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HostileInput {

    /** The row ids, as the catalogue's first column writes them. */
    String[] value();
}
