package io.chanmarket.webapp.miniapp;

/** Expected failures of Mini App requests; {@link MiniAppErrorHandler} maps each to a status and a message. */
public abstract sealed class MiniAppProblem extends RuntimeException {

    private MiniAppProblem(String message) {
        super(message, null, false, false);
    }

    /** No initData (and no dev mode). A plain page load without it gets the shell instead. */
    public static final class NoInitData extends MiniAppProblem {
        public NoInitData() {
            super("no initData");
        }
    }

    /** initData that failed validation (forged, tampered, expired); the reason is logged, never shown. */
    public static final class BadInitData extends MiniAppProblem {
        public BadInitData(String reason) {
            super(reason);
        }
    }

    /** A channel or category that does not exist or is hidden. */
    public static final class NotFound extends MiniAppProblem {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** A request parameter that cannot be understood. */
    public static final class BadInput extends MiniAppProblem {
        public BadInput(String message) {
            super(message);
        }
    }

    /**
     * The database is busy: no connection (or no place of the Mini App's {@link PoolShare}) within the pool's timeout,
     * or a statement ran past its time limit. Worth retrying: 503 with {@code Retry-After}.
     */
    public static final class Busy extends MiniAppProblem {
        public Busy() {
            super("the database is busy; try again shortly");
        }
    }
}
