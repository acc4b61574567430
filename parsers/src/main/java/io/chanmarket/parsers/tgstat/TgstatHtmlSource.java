package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.fetch.Fetched;
import io.chanmarket.parsers.fetch.Page;
import io.chanmarket.parsers.fetch.PoliteFetcher;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ParseResult;
import io.chanmarket.parsers.result.ResultStatus;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** TGStat's public stat page of a channel, fetched politely and parsed. */
@Singleton
public class TgstatHtmlSource {

    private final TgstatSettings settings;
    private final PoliteFetcher fetcher;
    private final TgstatPageParser parser = new TgstatPageParser();

    public TgstatHtmlSource(TgstatSettings settings, PoliteFetcher fetcher) {
        this.settings = settings;
        this.fetcher = fetcher;
    }

    /** The stats of {@code @username}. */
    public Fetched<ChannelStats> fetch(String username) {
        URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/channel/@"
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "/stat");
        return fetcher.fetch(uri, uri.toString(), this::read);
    }

    /** HTTP statuses first (404, 403/451), then the page itself. */
    ParseResult<ChannelStats> read(Page page) {
        ParseResult<ChannelStats> byStatus = byStatus(page.status());
        if (byStatus != null) {
            // a 404 page that turns out to be a robot check is still a robot check
            ParseResult<ChannelStats> parsed = parser.parse(page.body(), page.charset());
            return parsed.status() == ResultStatus.RATE_LIMITED ? parsed : byStatus;
        }
        return parser.parse(page.body(), page.charset());
    }

    static <T> ParseResult<T> byStatus(int status) {
        if (status == 404 || status == 410) {
            return ParseResult.failed(ResultStatus.NOT_FOUND, "HTTP " + status + ": no such channel");
        }
        if (status == 403 || status == 451) {
            return ParseResult.failed(ResultStatus.RESTRICTED, "HTTP " + status + ": access denied");
        }
        if (status >= 300 && status != 304) {
            return ParseResult.failed(ResultStatus.LAYOUT_CHANGED, "unexpected HTTP " + status);
        }
        return null;
    }
}
