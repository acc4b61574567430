package io.chanmarket.parsers.telemetr;

import io.chanmarket.parsers.fetch.Fetched;
import io.chanmarket.parsers.fetch.Page;
import io.chanmarket.parsers.fetch.PoliteFetcher;
import io.chanmarket.parsers.result.AudienceStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Telemetr's channel page, fetched politely and parsed. */
@Singleton
public class TelemetrSource {

    private final TelemetrSettings settings;
    private final PoliteFetcher fetcher;
    private final TelemetrPageParser parser = new TelemetrPageParser();

    public TelemetrSource(TelemetrSettings settings, PoliteFetcher fetcher) {
        this.settings = settings;
        this.fetcher = fetcher;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The channel's Telemetr page: its stored link when the catalog has one, else {@code /@username}. */
    public Fetched<AudienceStats> fetch(String username, String telemetrUrl) {
        URI uri = telemetrUrl != null && !telemetrUrl.isBlank() ? URI.create(telemetrUrl) : URI.create(
                settings.baseUrl().replaceAll("/+$", "") + "/@" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        return fetcher.fetch(uri, uri.toString(), this::read);
    }

    ParseResult<AudienceStats> read(Page page) {
        if (page.status() == 404 || page.status() == 410) {
            return ParseResult.failed(ResultStatus.NOT_FOUND, "HTTP " + page.status() + ": no such channel");
        }
        if (page.status() == 403 || page.status() == 451) {
            ParseResult<AudienceStats> parsed = parser.parse(page.body(), page.charset());
            return parsed.status() == ResultStatus.RATE_LIMITED ? parsed
                    : ParseResult.failed(ResultStatus.RESTRICTED, "HTTP " + page.status() + ": access denied");
        }
        if (page.status() >= 300) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "unexpected HTTP " + page.status());
        }
        return parser.parse(page.body(), page.charset());
    }
}
