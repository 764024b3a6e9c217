package io.barkeep.domain;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what Barkeep prints and logs: the password of a URL such as the terminal's
 * {@code http://user:pass@host:25503} becomes {@code http://user:***@host:25503}. The one masking rule, used by
 * the log's layout, the command line's streams and the app's messages.
 */
public final class Secrets {
    /** scheme://user:password@ — the password is anything up to the '@' that ends the authority. */
    private static final Pattern URL_PASSWORD = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*):[^/\\s@]*@");
    private static final String MASK = "***";

    private Secrets() {
    }

    /** {@code text} with the password of every URL in it masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
    }
}
