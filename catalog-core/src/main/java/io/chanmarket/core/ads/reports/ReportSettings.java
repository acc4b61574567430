package io.chanmarket.core.ads.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of reports ({@code app.ads.reports.*}).
 *
 * @param llmCheck
 *            ask the configured LLM whether each new report's ad violates the rules (off by default; needs
 *            {@code app.ads.llm.base-url} and {@code app.ads.llm.model} too)
 */
@ConfigurationProperties("app.ads.reports")
public record ReportSettings(@Bindable(defaultValue = "false") boolean llmCheck) {
}
