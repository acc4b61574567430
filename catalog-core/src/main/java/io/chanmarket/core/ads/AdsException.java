package io.chanmarket.core.ads;

/**
 * An expected failure of an ad-engine operation. The web layer maps each kind to one status in one place; the message
 * is meant for the API caller and never holds internals.
 */
public abstract sealed class AdsException extends RuntimeException {

    protected AdsException(String message) {
        super(message, null, false, false);
    }

    /** The request is malformed or breaks a validation rule (400). */
    public static final class Invalid extends AdsException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** A referenced client, advertiser or campaign does not exist, or no ad fits (404). */
    public static final class NotFound extends AdsException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The caller may not do this yet, e.g. click an ad it was never shown (403). */
    public static final class Forbidden extends AdsException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The request is well formed but conflicts with the current state (409). */
    public static final class Conflict extends AdsException {
        public Conflict(String message) {
            super(message);
        }
    }
}
