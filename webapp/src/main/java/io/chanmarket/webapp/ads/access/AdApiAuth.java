package io.chanmarket.webapp.ads.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.chanmarket.core.platform.config.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ad API's auth mode ({@code app.ads.auth}): {@code open} (the contract's paths without credentials, as the
 * organizers' checker calls them; the default only with the embedded database) or {@code keys} (advertiser keys and the
 * operator key {@code app.ads.operator-key}; the default with a configured database). See docs/security.md.
 */
@Context
public class AdApiAuth {

    private static final Logger LOG = LoggerFactory.getLogger(AdApiAuth.class);
    /** Shorter operator keys are refused at start-up. */
    static final int MIN_OPERATOR_KEY = 24;

    /** The two modes. */
    public enum Mode {
        OPEN, KEYS
    }

    private final Mode mode;
    private final byte[] operatorKey;

    AdApiAuth(@Value("${app.ads.auth:open}") String mode, @Nullable @Value("${app.ads.operator-key:}") String key) {
        this.mode = switch (mode.strip().toLowerCase(Locale.ROOT)) {
        case "open" -> Mode.OPEN;
        case "keys" -> Mode.KEYS;
        default -> throw new ConfigurationProblem("app.ads.auth", "must be open or keys, not '" + mode + "'");
        };
        String operator = key == null ? "" : key.strip();
        if (!operator.isEmpty() && operator.length() < MIN_OPERATOR_KEY) {
            throw new ConfigurationProblem("app.ads.operator-key",
                    "must be at least " + MIN_OPERATOR_KEY + " characters long");
        }
        this.operatorKey = operator.isEmpty() ? null : operator.getBytes(StandardCharsets.UTF_8);
        if (this.mode == Mode.OPEN) {
            LOG.warn("""

                    ************************************************************************
                    * AD API AUTH MODE IS 'open': the ad API's contract paths take no       *
                    * credentials, anyone who reaches this node can create, change and      *
                    * read advertisers, campaigns, clients and statistics. Use it only for  *
                    * the organizers' checker; set app.ads.auth=keys everywhere else.       *
                    ************************************************************************""");
        } else if (operatorKey == null) {
            LOG.warn("Ad API auth mode 'keys' without app.ads.operator-key: operator paths (clients, ads, ML scores, "
                    + "time, statistics) accept only an admin session");
        } else {
            LOG.info("Ad API auth mode 'keys'");
        }
    }

    public Mode mode() {
        return mode;
    }

    /** Whether {@code key} is the operator key (compared in constant time). */
    boolean isOperatorKey(String key) {
        return operatorKey != null && key != null
                && MessageDigest.isEqual(operatorKey, key.getBytes(StandardCharsets.UTF_8));
    }
}
