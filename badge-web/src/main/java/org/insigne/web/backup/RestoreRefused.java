package org.insigne.web.backup;

/**
 * A backup that cannot be restored, with the reason an operator can act on. The application stops at start
 * with this one line rather than run on a half-restored database.
 */
public class RestoreRefused extends RuntimeException {

    RestoreRefused(String reason) {
        super("Restore refused: " + reason, null, false, false);
    }
}
