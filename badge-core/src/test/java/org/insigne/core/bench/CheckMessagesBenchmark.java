package org.insigne.core.bench;

import java.util.List;
import java.util.Locale;

import org.insigne.core.verification.CheckMessages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Rendering a check message happens once per check on every report page. */
@State(Scope.Benchmark)
public class CheckMessagesBenchmark {

    @Benchmark
    public String renderFrench() {
        return CheckMessages.render("fetch.failed.timeout", List.of("https://example.org/a"), Locale.FRENCH);
    }
}
