package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartExportTest {
    @Test
    void theVisibleCandlesAreWrittenWithTheIntervalAndAdjustmentNamedAndHolesLeftOut() throws Exception {
        LocalDate monday = LocalDate.of(2024, 3, 11);
        // 5-minute slots 2 and 3 of Monday missing from the cache.
        ChartData d = ChartData.build(SyntheticChart.withHoles(monday, monday, s -> s == 2 || s == 3, s -> false),
                Interval.FIVE_MINUTES);
        StringWriter out = new StringWriter();
        int rows = ChartExport.csv(d, new Viewport(0, 6), "raw", true, out);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("# interval: 5m"), lines.toString());
        assertTrue(lines.contains("# adjustment: raw"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# source: SIMULATED")), lines.toString());
        assertEquals(4, rows, "slots 0, 1, 4 and 5: the two missing ones have no row");
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(ChartExport.HEADER, data.get(0));
        assertEquals(List.of("2024-03-11T09:30:00", "2024-03-11T09:35:00", "2024-03-11T09:50:00",
                "2024-03-11T09:55:00"), data.subList(1, 5).stream().map(l -> l.split(",")[0]).toList());
    }
}
