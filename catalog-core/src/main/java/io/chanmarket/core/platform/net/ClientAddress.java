package io.chanmarket.core.platform.net;

import java.util.Optional;

/**
 * The client's address as our own proxy reports it: the last entry of a forwarding header such as
 * {@code X-Forwarded-For} (the one our proxy added; earlier entries come from the client and are not trusted). Used by
 * the admin's sign-in throttling and the ad API's per-address limits, each with its configured header.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The header's last entry, when the header is present, not blank and that entry is at most 100 characters. */
    public static Optional<String> lastEntry(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String last = headerValue.substring(headerValue.lastIndexOf(',') + 1).strip();
        return last.isEmpty() || last.length() > 100 ? Optional.empty() : Optional.of(last);
    }
}
