package org.insigne.web.system.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (and {@code %wex}) with each exception's message through {@link LogText#escape}.
 * Stack frames keep their own lines (their text is class and method names, ours or our libraries'), but an
 * exception's message often quotes outside input ("Invalid character found in …"), so it must not start a line.
 */
public class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(EscapedThrowable.of(throwable));
    }

    /** The same for logback's own words ({@code %ex}, {@code %xEx}…), should an operator's pattern use them. */
    public static class Plain extends ExtendedThrowableProxyConverter {

        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return super.throwableProxyToString(EscapedThrowable.of(throwable));
        }
    }

    /** A throwable as logback renders it, messages escaped; causes and suppressed ones wrapped when asked for. */
    private record EscapedThrowable(IThrowableProxy original) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy throwable) {
            return throwable instanceof EscapedThrowable ? throwable : new EscapedThrowable(throwable);
        }

        @Override
        public @Nullable String getMessage() {
            String message = original.getMessage();
            return message == null ? null : LogText.escape(message);
        }

        @Override
        public @Nullable String getOverridingMessage() {
            String message = original.getOverridingMessage();
            return message == null ? null : LogText.escape(message);
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public @Nullable IThrowableProxy getCause() {
            IThrowableProxy cause = original.getCause();
            return cause == null ? null : of(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return new IThrowableProxy[0];
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = of(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
