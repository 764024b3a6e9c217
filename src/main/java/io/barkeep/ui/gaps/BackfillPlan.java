package io.barkeep.ui.gaps;

import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What repairing a selection asks for: per symbol, each run of neighbouring selected columns trimmed to its
 * first and last repairable cell (complete cells inside a run cost nothing: the fetch planner skips them), and
 * runs with the same dates across symbols joined into one job, so a rectangle of cells is one backfill.
 *
 * @param jobs the backfills to queue, in row order of their first symbol
 */
record BackfillPlan(List<Job> jobs) {

    /** One backfill: these symbols over from..to. */
    record Job(List<String> symbols, LocalDate from, LocalDate to) {
    }

    static BackfillPlan of(HeatmapModel model, Set<CellKey> selection) {
        Map<List<LocalDate>, List<String>> byDates = new LinkedHashMap<>();
        for (int r = 0; r < model.rows(); r++) {
            int runFirst = -1;
            int runLast = -1;
            for (int c = 0; c <= model.columnCount(); c++) {
                boolean selected = c < model.columnCount() && selection.contains(model.key(r, c));
                if (selected) {
                    if (model.cell(r, c).repairable()) {
                        runFirst = runFirst < 0 ? c : runFirst;
                        runLast = c;
                    }
                    continue;
                }
                if (runFirst >= 0) {
                    byDates.computeIfAbsent(List.of(model.columns().get(runFirst).date(),
                            model.columns().get(runLast).date()), k -> new ArrayList<>()).add(model.symbols().get(r));
                }
                runFirst = -1;
                runLast = -1;
            }
        }
        List<Job> jobs = new ArrayList<>();
        byDates.forEach((dates, symbols) -> jobs.add(new Job(List.copyOf(symbols), dates.get(0), dates.get(1))));
        return new BackfillPlan(List.copyOf(jobs));
    }
}
