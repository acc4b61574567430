package io.chanmarket.core.ads.reports;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of {@code POST /report} as received; {@link Reports} validates it.
 *
 * @param campaignId
 *            the reported campaign (required)
 * @param reason
 *            why, 1 to 1000 characters (required)
 * @param clientId
 *            the reporting viewer, a known client (optional)
 * @param reporter
 *            free text naming the reporter, up to 200 characters (optional)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReportRequest(String campaignId, String reason, String clientId, String reporter) {
}
