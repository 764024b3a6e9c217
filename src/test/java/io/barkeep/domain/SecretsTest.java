package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The password of a URL never shows; everything else in the text does. */
class SecretsTest {
    @Test
    void thePasswordOfAUrlIsMaskedAndTheUserHostAndPathKept() {
        assertEquals("no Theta Terminal at http://trader:***@127.0.0.1:25503/v3 - start it",
                Secrets.mask("no Theta Terminal at http://trader:s3cr:et@127.0.0.1:25503/v3 - start it"));
        assertEquals("https://u:***@a.example and http://v:***@b.example",
                Secrets.mask("https://u:p1@a.example and http://v:p2@b.example"));
    }

    @Test
    void textWithoutAPasswordIsUnchanged() {
        for (String text : new String[] {"http://127.0.0.1:25503/v3/stock?x=1", "http://user@host:1/",
                "mail me at me@example.org: soon", "AAPL 2024-12-23T09:30:00,100.0000"}) {
            assertEquals(text, Secrets.mask(text));
        }
        assertNull(Secrets.mask(null));
    }
}
