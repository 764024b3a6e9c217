package io.barkeep.source;

import io.barkeep.domain.CorporateAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Somewhere splits and cash dividends come from: the Theta Terminal's v2 surface or the simulated feed. Answers hold
 * real events only, one per symbol, ex-date and kind.
 */
public interface ActionSource {

    /** The action source label stored with each row ({@code thetadata}, {@code demo}). */
    String actionSource();

    /**
     * The splits and dividends of {@code symbol} the source reports for from..to, stamped {@code learntAt}.
     *
     * @throws SourceException FATAL when the account may not ask (tier too low), UNAVAILABLE when nothing answers
     */
    List<CorporateAction> actions(String symbol, LocalDate from, LocalDate to, Instant learntAt)
            throws SourceException;
}
