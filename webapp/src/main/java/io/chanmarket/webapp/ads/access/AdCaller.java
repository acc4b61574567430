package io.chanmarket.webapp.ads.access;

import java.util.UUID;

/** Who calls the ad API, as the credentials of a request tell. */
public sealed interface AdCaller {

    /** Request attribute under which {@link AdAccessFilter} stores the caller. */
    String ATTRIBUTE = "chanmarket.ads.caller";

    /** No credentials. */
    record Anonymous() implements AdCaller {
    }

    /** The operator key. */
    record Operator() implements AdCaller {
    }

    /** An admin-panel session of an admin. */
    record Admin(String username) implements AdCaller {
    }

    /** An advertiser's API key. */
    record Advertiser(UUID advertiserId) implements AdCaller {
    }

    /** Whether the caller may do everything an operator may. */
    default boolean operator() {
        return this instanceof Operator || this instanceof Admin;
    }
}
