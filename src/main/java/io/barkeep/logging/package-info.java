/** Logback extensions: what reaches barkeep.log is masked like what reaches the terminal. */
package io.barkeep.logging;
