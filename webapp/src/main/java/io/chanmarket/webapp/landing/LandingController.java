package io.chanmarket.webapp.landing;

import io.chanmarket.webapp.miniapp.LocalRequests;
import io.chanmarket.webapp.miniapp.Texts;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * {@code /}: what this is and where to go (Mini App, admin, API docs, health, metrics), in Russian or English by
 * {@code Accept-Language}. A visitor on this machine also sees whether a bot is connected and how to connect one.
 */
@Controller
@Hidden
class LandingController {

    private final boolean botConfigured;
    private final String botUsername;
    private final boolean adminRole;
    /** Both languages' texts, read once here: reading a bundle from the jar on a request would block the event loop. */
    private final Map<String, LandingPage.LandingTexts> texts = Map.of("ru", LandingPage.LandingTexts.of("ru"), "en",
            LandingPage.LandingTexts.of("en"));

    LandingController(@Nullable @Value("${app.miniapp.bot-token:}") String botToken,
            @Nullable @Value("${app.miniapp.bot-id:}") Long botId,
            @Value("${app.miniapp.bot-username:chanmarket_bot}") String botUsername,
            @Value("${app.roles.admin:true}") boolean adminRole) {
        this.botConfigured = (botToken != null && !botToken.isBlank()) || botId != null;
        this.botUsername = botUsername;
        this.adminRole = adminRole;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<LandingPage.View>> index(HttpRequest<?> request) {
        String language = Texts.languageOf(request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE).orElse(null));
        boolean local = LocalRequests.isLocal(request);
        LandingPage page = new LandingPage(texts.getOrDefault(language, texts.get("en")), local, botConfigured,
                local && !botConfigured, botUsername, adminRole);
        return HttpResponse.ok(new ModelAndView<>("landing/index", new LandingPage.View(page)))
                .header(HttpHeaders.VARY, "Accept-Language").header(HttpHeaders.CONTENT_LANGUAGE, language);
    }
}
