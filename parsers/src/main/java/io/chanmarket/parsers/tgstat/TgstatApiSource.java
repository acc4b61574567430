package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.fetch.Fetched;
import io.chanmarket.parsers.fetch.PoliteFetcher;
import io.chanmarket.parsers.result.ChannelStats;
import io.chanmarket.parsers.result.ParseResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The TGStat API ({@code channels/get} and {@code channels/stat}), used instead of the pages when a token is
 * configured. Both calls go through the polite fetcher; replies are cached under URLs without the token.
 */
@Singleton
public class TgstatApiSource {

    private final TgstatSettings settings;
    private final PoliteFetcher fetcher;
    private final TgstatApiParser parser;

    public TgstatApiSource(TgstatSettings settings, PoliteFetcher fetcher, JsonMapper json) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.parser = new TgstatApiParser(json);
    }

    /** The channel's info and stats; the first failure of the two calls is the result. */
    public Fetched<ChannelStats> fetch(String username) {
        Fetched<JsonNode> channel = call("channels/get", username);
        if (!(channel.result() instanceof ParseResult.Ok<JsonNode> info)) {
            return new Fetched<>(channel.result().castFailure(), channel.fetchedAt(), false);
        }
        Fetched<JsonNode> stat = call("channels/stat", username);
        if (!(stat.result() instanceof ParseResult.Ok<JsonNode> numbers)) {
            return new Fetched<>(stat.result().castFailure(), stat.fetchedAt(), false);
        }
        return new Fetched<>(ParseResult.ok(parser.stats(info.values(), numbers.values())), stat.fetchedAt(),
                channel.fromCache() && stat.fromCache());
    }

    private Fetched<JsonNode> call(String method, String username) {
        String base = settings.apiUrl().replaceAll("/+$", "") + "/" + method + "?channelId="
                + URLEncoder.encode("@" + username, StandardCharsets.UTF_8);
        URI uri = URI.create(base + "&token=" + URLEncoder.encode(settings.apiToken(), StandardCharsets.UTF_8));
        return fetcher.fetch(uri, base, parser::response);
    }
}
