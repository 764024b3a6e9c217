package io.barkeep.cli;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code calendar --from D --to D}: the exchange's regular sessions with open, close and kind. */
@Command(name = "calendar", description = "List NYSE regular sessions (New York times) between two dates.")
final class CalendarCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date, inclusive.")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new UsageError("--to " + to + " is before --from " + from);
        }
        TradingCalendar calendar = calendarThrough(to);
        if (!calendar.covers(from) || !calendar.covers(to)) {
            throw new UserError("the calendar covers " + calendar.firstDate() + " to " + calendar.lastDate()
                    + "; asked for " + from + " to " + to);
        }
        List<Session> sessions = calendar.sessions(from, to);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("calendar_version", calendar.version());
            doc.put("sessions", sessions.stream().map(CalendarCommand::toJson).toList());
            Output.json(out, doc);
        } else {
            Output.Table table = new Output.Table("date", "open", "close", "kind");
            for (Session s : sessions) {
                table.row(s.date(), s.openInNewYork().toLocalTime(), s.closeInNewYork().toLocalTime(),
                        s.kind().label());
            }
            table.print(out);
            out.println(sessions.size() + " sessions (calendar " + calendar.version() + ")");
        }
        return 0;
    }

    /** The data and the rules through next year, or through {@code to} when asked further; bounded by the rules. */
    private static TradingCalendar calendarThrough(LocalDate to) {
        try {
            return NyseCalendar.covering(to, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Map<String, Object> toJson(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", s.date().toString());
        m.put("open", s.openInNewYork().toLocalTime().toString());
        m.put("close", s.closeInNewYork().toLocalTime().toString());
        m.put("kind", s.kind().label());
        m.put("open_at", Output.zonedTime(s.open()));
        m.put("close_at", Output.zonedTime(s.close()));
        return m;
    }
}
