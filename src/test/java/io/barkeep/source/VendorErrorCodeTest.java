package io.barkeep.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.source.thetadata.ThetaStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failure recorded as a safety event is known by its message only: the code read back from the words the
 * sources write (copied here from real failures' messages, as the events table holds them).
 */
class VendorErrorCodeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // v3: the deadline, with a port and a short deadline in the message that must not read as statuses
        "AAPL 2024-01-02..2024-01-31: the Theta Terminal at http://127.0.0.1:25503 did not answer AAPL "
                + "2024-01-02..2024-01-31 within 500 ms; retry in 2 s | timeout",
        "AAPL 2024-01-02: no Theta Terminal at http://127.0.0.1:25503 — start it, or use --source demo | no-terminal",
        "3 requests for AAPL MSFT not sent: Theta Terminal is running but not connected to ThetaData (mdds "
                + "DISCONNECTED) | disconnected",
        "AAPL 2024-01-02: the connection to the Theta Terminal broke while reading the answer to AAPL 2024-01-02 "
                + "(closed); none of it was kept; retry in 1 s | connection-broke",
        "AAPL 2024-01-02..2024-03-29: the Theta Terminal's answer to AAPL 2024-01-02..2024-03-29 is too large (the "
                + "answer is larger than 64 MB); none of it was kept; asking in 3 parts | too-large",
        "AAPL 2024-01-02..2024-01-31: ThetaData says the request for AAPL 2024-01-02..2024-01-31 is too large "
                + "(570 LARGE_REQUEST): ask for a shorter range; asking in 2 parts | 570 LARGE_REQUEST",
        // MCP: a timeout and an error text that names a status only by its name
        "AAPL 2024-01-02: the Theta Terminal's MCP server at http://127.0.0.1:25503 did not answer within 60 s for "
                + "AAPL 2024-01-02 | timeout",
        "AAPL 2024-01-02: the Theta Terminal's MCP server refused AAPL 2024-01-02: OS_LIMIT | 429 OS_LIMIT",
        "ZZZZ 2024-01-02: no such symbol: ZZZZ | other"
    })
    void readsTheCodeBackFromAMessage(String message, String code) {
        assertEquals(code, VendorErrorCode.ofMessage(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"429", "474", "571"})
    void anAnswerWithAStatusIsCountedUnderItsNameWhateverTheWords(int status) {
        SourceException e = ThetaStatus.toException(status, "busy", "AAPL 2024-01-02");
        assertEquals(ThetaStatus.label(status), VendorErrorCode.of(e));
        assertEquals(ThetaStatus.label(status), VendorErrorCode.ofMessage("AAPL 2024-01-02: " + e.getMessage()
                + "; retry in 4 s"));
    }
}
