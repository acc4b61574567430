package io.chanmarket.webapp.miniapp;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.chanmarket.core.platform.metrics.AppMetrics;
import io.chanmarket.core.users.TelegramUser;
import io.chanmarket.core.users.TelegramUsers;
import io.chanmarket.webapp.miniapp.auth.InitData;
import io.chanmarket.webapp.miniapp.auth.InitDataValidator;
import io.chanmarket.webapp.miniapp.auth.InvalidInitData;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates Mini App requests by the raw initData in {@code Authorization: tma <initData>}. In dev mode
 * ({@code app.miniapp.dev-user-id} set) a request without it acts as that user; this is logged loudly at start-up.
 * Without any bot configured (no token, no bot id), a request without initData from this machine
 * ({@link LocalRequests}) acts as the preview user, so the app can be tried in a plain browser; never a request from
 * elsewhere.
 */
@Context
class MiniAppAuth {

    static final String ATTRIBUTE = MiniAppUser.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(MiniAppAuth.class);
    private static final String SCHEME = "tma ";
    private static final int MAX_REMEMBERED = 20_000;
    /** The local preview user's id: far above real Telegram ids' current range, and fixed across runs. */
    static final long PREVIEW_USER_ID = 9_000_000_000_001L;

    private final InitDataValidator validator;
    private final TelegramUsers users;
    private final MiniAppSettings settings;
    /**
     * initData strings that passed the check, by the raw string: a Mini App session sends the same one with every
     * request, so the HMAC and the JSON parse run once per session and node. Equal strings carry equal hashes, so a hit
     * is as good as a check; the age limit is still applied on every use.
     */
    private final Map<String, InitData> validated = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
            .<String, InitData> build().asMap();

    private final AppMetrics metrics;

    MiniAppAuth(MiniAppSettings settings, TelegramUsers users, JsonMapper json, AppMetrics metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.users = users;
        Long botId = settings.botId();
        if (botId == null && settings.botToken() != null && settings.botToken().contains(":")) {
            botId = Long.parseLong(settings.botToken().substring(0, settings.botToken().indexOf(':')));
        }
        String key = "test".equalsIgnoreCase(settings.telegramEnvironment()) ? InitDataValidator.TEST_ENVIRONMENT_KEY
                : InitDataValidator.PRODUCTION_KEY;
        Texts.of("ru"); // the text bundles are read from the jar now, not by a first request on the event loop
        this.validator = new InitDataValidator(settings.botToken(), botId, key, settings.maxAuthAge(),
                Clock.systemUTC(), json);
        if (settings.devUserId() != null) {
            LOG.warn("**************************************************************************");
            LOG.warn("* MINI APP DEV MODE IS ON: requests without initData act as user {}", settings.devUserId());
            LOG.warn("* Never enable app.miniapp.dev-user-id in production.");
            LOG.warn("**************************************************************************");
        }
        if (!botConfigured(settings)) {
            LOG.info("No bot token (TELEGRAM_BOT_TOKEN) or bot id: /app opened from this machine acts as a preview "
                    + "user; requests from elsewhere need Telegram's initData and are refused");
        }
    }

    /** Whether Telegram initData can be checked at all (a token or a bot id); without, the local preview is on. */
    static boolean botConfigured(MiniAppSettings settings) {
        return (settings.botToken() != null && !settings.botToken().isBlank()) || settings.botId() != null;
    }

    /** Whether this request, without initData, would act as the preview user. */
    boolean previewFor(HttpRequest<?> request) {
        return settings.devUserId() == null && !botConfigured(settings) && LocalRequests.isLocal(request);
    }

    private InitData validated(String raw) throws InvalidInitData {
        InitData known = validated.get(raw);
        Duration maxAge = settings.maxAuthAge();
        if (known != null
                && (maxAge == null || maxAge.isZero() || !known.authDate().plus(maxAge).isBefore(Instant.now()))) {
            return known;
        }
        if (known != null) {
            validated.remove(raw);
        }
        InitData data = validator.validate(raw);
        validated.put(raw, data);
        return data;
    }

    /**
     * The request's user; throws {@link MiniAppProblem} when there is none or the initData is not valid. Runs on the
     * event loop (argument binding): CPU only, no database.
     */
    MiniAppUser authenticate(HttpRequest<?> request) {
        var cached = request.getAttribute(ATTRIBUTE, MiniAppUser.class);
        if (cached.isPresent()) {
            return cached.get();
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        MiniAppUser user;
        if (header == null || header.isBlank()) {
            if (settings.devUserId() != null) {
                TelegramUser dev = new TelegramUser(settings.devUserId(), "Dev", "User", "dev_user",
                        settings.devUserLanguage(), false);
                user = new MiniAppUser(dev, Texts.languageOf(dev.languageCode()), null);
            } else if (previewFor(request)) {
                String language = Texts
                        .languageOf(request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE).orElse(null));
                TelegramUser preview = new TelegramUser(PREVIEW_USER_ID, "Preview", null, null, language, false);
                user = new MiniAppUser(preview, language, null, true);
            } else {
                metrics.initDataRefused("missing");
                throw new MiniAppProblem.NoInitData();
            }
        } else {
            if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                metrics.initDataRefused("scheme");
                throw new MiniAppProblem.BadInitData("Authorization scheme is not tma");
            }
            try {
                InitData data = validated(header.substring(SCHEME.length()).trim());
                user = new MiniAppUser(data.user(), Texts.languageOf(data.user().languageCode()), data.startParam());
            } catch (InvalidInitData e) {
                LOG.debug("Refused initData: {}", e.getMessage());
                metrics.initDataRefused("invalid");
                throw new MiniAppProblem.BadInitData(e.getMessage());
            }
        }
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /**
     * Records that the user is here (a database write, at most once per user and refresh interval). Not part of
     * {@link #authenticate}: that runs where Micronaut binds arguments, on the event loop, so this runs from
     * {@link PoolShareInterceptor} on the blocking executor instead.
     */
    void seen(MiniAppUser user) {
        users.seen(user.user());
    }
}
