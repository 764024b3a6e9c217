package io.barkeep.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.barkeep.domain.Secrets;

/** Stack traces with URL passwords masked in their messages ({@code %maskedEx} in logback.xml). */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Secrets.mask(super.throwableProxyToString(tp));
    }
}
