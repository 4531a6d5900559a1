package org.insigne.core.ob2;

import java.util.List;
import java.util.Objects;

/**
 * A document could not be read as Open Badges 2.0. Tells apart a missing property, an explicit {@code null},
 * a value of the wrong JSON type and a value of the right type that breaks a rule (e.g. a date without time
 * zone), so that a report can say exactly what is wrong. {@link #property()} is a dotted path such as
 * {@code badge.issuer.name}; empty for problems with the whole document.
 */
public final class Ob2ParseFailed extends Exception {

    /** What kind of problem was found. */
    public enum Problem {
        MALFORMED_JSON, TOO_LARGE, TOO_DEEP, NOT_AN_OBJECT, MISSING, NULL, WRONG_TYPE, INVALID_VALUE
    }

    private final Problem problem;
    private final String property;
    private final String messageKey;
    private final List<Object> args;

    public Ob2ParseFailed(Problem problem, String property, String messageKey, Object... args) {
        super(messageKey + (property.isEmpty() ? "" : " at " + property));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.property = Objects.requireNonNull(property, "property");
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.args = List.of(args);
    }

    static Ob2ParseFailed missing(String property) {
        return new Ob2ParseFailed(Problem.MISSING, property, "ob2.read.missing", property);
    }

    static Ob2ParseFailed nullValue(String property) {
        return new Ob2ParseFailed(Problem.NULL, property, "ob2.read.null", property);
    }

    static Ob2ParseFailed wrongType(String property, String expected) {
        return new Ob2ParseFailed(Problem.WRONG_TYPE, property, "ob2.read.wrong-type." + expected, property);
    }

    static Ob2ParseFailed invalid(String property, String key, Object... extra) {
        Object[] all = new Object[extra.length + 1];
        all[0] = property;
        System.arraycopy(extra, 0, all, 1, extra.length);
        return new Ob2ParseFailed(Problem.INVALID_VALUE, property, key, all);
    }

    public Problem problem() {
        return problem;
    }

    /** Dotted path of the offending property, empty when the whole document is at fault. */
    public String property() {
        return property;
    }

    /** Key in {@code org/insigne/core/ob2/messages}; the first argument is the property path when there is one. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
