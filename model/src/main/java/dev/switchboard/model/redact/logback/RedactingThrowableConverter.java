package dev.switchboard.model.redact.logback;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.switchboard.model.redact.LogMask;

/**
 * {@code %ex} with {@link LogMask#line} applied to the message of the exception, of each cause and of each suppressed
 * exception: a stack trace keeps its own lines (each frame begins with a tab and "at"), but no message can add one or
 * carry a credential or a full phone number. Registered over {@code ex}, {@code exception} and {@code throwable}.
 */
public class RedactingThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return super.throwableProxyToString(Masked.of(tp));
    }

    /** The proxy of a throwable, its messages masked (and those of its causes and suppressed ones). */
    private record Masked(IThrowableProxy tp) implements IThrowableProxy {
        static IThrowableProxy of(IThrowableProxy tp) {
            return tp == null || tp instanceof Masked ? tp : new Masked(tp);
        }

        @Override
        public String getMessage() {
            return LogMask.line(tp.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogMask.line(tp.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return LogMask.oneLine(tp.getClassName());
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return tp.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return tp.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return tp.isCyclic() ? tp.getCause() : of(tp.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] s = tp.getSuppressed();
            if (s == null) {
                return null;
            }
            IThrowableProxy[] out = new IThrowableProxy[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = of(s[i]);
            }
            return out;
        }

        @Override
        public boolean isCyclic() {
            return tp.isCyclic();
        }
    }
}
