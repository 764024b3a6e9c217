package io.barkeep.sync;

import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.BarSource;
import io.barkeep.source.simulated.SimulatedSource;
import io.barkeep.source.thetadata.ThetaFormat;
import io.barkeep.source.thetadata.ThetaMcpSource;
import io.barkeep.source.thetadata.ThetaV2Source;
import io.barkeep.source.thetadata.ThetaV3Source;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Makes a source from its name: the one place that knows every kind. */
public final class Sources {
    public static final String DEMO = "demo";
    public static final String THETA = "thetadata";
    public static final String THETA_V2 = "thetadata-v2";
    public static final String THETA_MCP = "thetadata-mcp";
    public static final List<String> NAMES = List.of(DEMO, THETA, THETA_V2, THETA_MCP);

    private Sources() {
    }

    /** {@code name} when it names a source, else a clear error. */
    public static String validate(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown source '" + name + "': use demo, thetadata, thetadata-v2 or "
                    + "thetadata-mcp");
        }
        return name;
    }

    public static boolean isSimulated(String name) {
        return DEMO.equals(name);
    }

    /**
     * @param url the terminal's root URL, or null for the source's default
     */
    public static BarSource create(String name, String url, int concurrency, TradingCalendar calendar, Clock clock) {
        return switch (validate(name)) {
            case DEMO -> new SimulatedSource(calendar, clock);
            case THETA -> new ThetaV3Source(url == null ? ThetaV3Source.DEFAULT_ROOT : URI.create(url), concurrency,
                    ThetaV3Source.DEFAULT_TIMEOUT, ThetaFormat.CSV, clock);
            case THETA_V2 -> new ThetaV2Source(url == null ? ThetaV2Source.DEFAULT_ROOT : URI.create(url), concurrency);
            case THETA_MCP -> new ThetaMcpSource(url == null ? ThetaMcpSource.DEFAULT_ROOT : URI.create(url),
                    concurrency);
            default -> throw new IllegalStateException("no factory for source " + name);
        };
    }
}
