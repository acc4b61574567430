package io.chanmarket.core.mailing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Segments and mailings ({@code app.mailing.*}).
 *
 * @param segmentThreshold
 *            opens of a category or its channels after which a user joins the category's segment
 * @param rate
 *            messages per second the sender sends in total (Telegram allows about 30 without paid broadcasts)
 * @param maxInFlight
 *            Bot API calls the sender has open at once
 * @param leaseTtl
 *            lifetime of the {@code mailing-sender} lease; renewed every third of it
 * @param maxAttempts
 *            tries of one recipient after 5xx replies before it is reported as failed
 * @param autoResume
 *            whether a mailing the sender paused because Telegram was unreachable resumes by itself once Telegram
 *            answers again (otherwise the admin resumes it, and the page says Telegram is back)
 * @param probeEvery
 *            how often the sender asks Telegram ({@code getMe}) whether it answers again while mailings wait for it
 * @param connectTimeout
 *            how long a Bot API call may take to connect; a call that never connected was not sent
 * @param callTimeout
 *            how long the whole Bot API call may take; a call that connected and timed out has an unknown outcome
 */
@ConfigurationProperties("app.mailing")
public record MailingSettings(@Bindable(defaultValue = "2") int segmentThreshold,
        @Bindable(defaultValue = "30") double rate, @Bindable(defaultValue = "16") int maxInFlight,
        @Bindable(defaultValue = "30s") Duration leaseTtl, @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "false") boolean autoResume, @Bindable(defaultValue = "5s") Duration probeEvery,
        @Bindable(defaultValue = "5s") Duration connectTimeout, @Bindable(defaultValue = "30s") Duration callTimeout) {
}
