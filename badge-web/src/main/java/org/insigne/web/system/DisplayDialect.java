package org.insigne.web.system;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #display.date(instant)}, {@code #display.dateTime(instant)} and
 * {@code #display.iso(instant)} ({@link DisplayDates}) in the language the page is rendered in, whichever way
 * it is rendered (through Spring MVC, or straight from the template engine for the public badge page), since
 * the locale is the template context's. Public, like its {@link InLocale}, so that Thymeleaf's SpEL compiler
 * can compile calls to it.
 *
 * <p>A page rendered once as a pattern for many (the public badge page, {@code web.badgepage}) names stand-in
 * instants in the context variable {@link #MARKERS}: each is written as its marker followed by {@code D}
 * (date), {@code T} (date and time) or {@code I} (ISO), for the page to put each reader's own date there.
 */
@Component
public class DisplayDialect extends AbstractDialect implements IExpressionObjectDialect {

    /** Context variable: a {@code Map<Instant, String>} of stand-in instants and the markers written for them. */
    public static final String MARKERS = "displayMarkers";

    private static final String NAME = "display";

    private final DisplayDates dates;

    DisplayDialect(DisplayDates dates) {
        super("insigne-display");
        this.dates = dates;
    }

    /** What {@code #display} is in one template's rendering. */
    public record InLocale(DisplayDates dates, Locale locale, Map<Instant, String> markers) {

        public String date(@Nullable Instant instant) {
            String marker = marker(instant);
            return marker != null ? marker + "D" : dates.date(instant, locale);
        }

        public String dateTime(@Nullable Instant instant) {
            String marker = marker(instant);
            return marker != null ? marker + "T" : dates.dateTime(instant, locale);
        }

        /** A sentence with the timestamps in it as dates (the detail of a verdict, from a check's message). */
        public String text(String text) {
            return dates.inText(text, locale);
        }

        public String iso(@Nullable Instant instant) {
            String marker = marker(instant);
            return marker != null ? marker + "I" : dates.iso(instant);
        }

        private @Nullable String marker(@Nullable Instant instant) {
            return instant == null || markers.isEmpty() ? null : markers.get(instant);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                Object markers = context.getVariable(MARKERS);
                return new InLocale(dates, context.getLocale(),
                        markers instanceof Map<?, ?> map ? (Map<Instant, String>) map : Map.of());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
