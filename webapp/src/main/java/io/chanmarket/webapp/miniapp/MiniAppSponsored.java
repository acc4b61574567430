package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.ads.serving.Ad;
import io.chanmarket.core.ads.serving.AdServer;
import io.chanmarket.core.ads.serving.ClickRequest;
import io.chanmarket.core.ads.viewers.ViewerProfile;
import io.chanmarket.core.ads.viewers.Viewers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;

/**
 * The sponsored card and the viewer profile form ({@code app.miniapp.sponsored.enabled}; 404 while it is off). The Mini
 * App user is an ad engine viewer ({@link Viewers}); the card is what {@code GET /ads} would serve them (the impression
 * recorded), and tapping it is {@code POST /ads/{id}/click}.
 */
@Controller("/app")
@Produces(MediaType.TEXT_HTML)
@Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
@ExecuteOn(TaskExecutors.BLOCKING)
@PoolShare
@Hidden
class MiniAppSponsored {

    private final AdServer server;
    private final Campaigns campaigns;
    private final Viewers viewers;
    private final SponsoredSettings settings;
    private final ShellFactory shells;

    MiniAppSponsored(AdServer server, Campaigns campaigns, Viewers viewers, SponsoredSettings settings,
            ShellFactory shells) {
        this.server = server;
        this.campaigns = campaigns;
        this.viewers = viewers;
        this.settings = settings;
        this.shells = shells;
    }

    /** The card partial, loaded by htmx after the page; 204 (nothing to show) when no ad fits the viewer. */
    @Get("/sponsored")
    HttpResponse<?> card(MiniAppUser user) {
        requireEnabled();
        try {
            Ad ad = server.serve(viewers.ensure(user.id()).toString());
            return partial(new Views.Sponsored(Texts.of(user.language()), ad, false));
        } catch (AdsException.NotFound e) {
            return Htmx.privateHtml(HttpResponse.noContent());
        }
    }

    /** The viewer tapped the card: the click is recorded (once) and the card answers with thanks. */
    @Post("/sponsored/{adId}/click")
    HttpResponse<?> click(MiniAppUser user, String adId) {
        requireEnabled();
        String client = viewers.ensure(user.id()).toString();
        try {
            server.click(adId, new ClickRequest(client));
            Ad ad = Ad.of(campaigns.get(UUID.fromString(adId)));
            return partial(new Views.Sponsored(Texts.of(user.language()), ad, true));
        } catch (AdsException.Invalid e) {
            throw new MiniAppProblem.BadInput(e.getMessage());
        } catch (AdsException.NotFound | AdsException.Forbidden e) {
            throw new MiniAppProblem.NotFound("ad");
        }
    }

    @Get("/profile")
    HttpResponse<?> profile(HttpRequest<?> request, MiniAppUser user) {
        requireEnabled();
        ViewerProfile.Form form = ViewerProfile.Form.of(viewers.profile(user.id()));
        return Htmx.render(request, shell(user), "profile", new Views.Profile(Texts.of(user.language()), form, false));
    }

    /** Saves the form; invalid fields answer 422 with the form and a message next to each. */
    @Post("/profile")
    HttpResponse<?> saveProfile(HttpRequest<?> request, MiniAppUser user, @Nullable @Body("age") String age,
            @Nullable @Body("gender") String gender, @Nullable @Body("location") String location) {
        requireEnabled();
        ViewerProfile.Form form = ViewerProfile.Form.parse(age, gender, location);
        Texts t = Texts.of(user.language());
        if (form.profile() == null) {
            return Htmx.render(request, shell(user), "profile", new Views.Profile(t, form, false))
                    .status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        viewers.save(user.id(), form.profile());
        return Htmx.render(request, shell(user), "profile", new Views.Profile(t, form, true));
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new MiniAppProblem.NotFound("page");
        }
    }

    private Views.Shell shell(MiniAppUser user) {
        return shells.shell(Texts.of(user.language()), true, user.preview());
    }

    private static HttpResponse<?> partial(Views.Sponsored view) {
        return Htmx.privateHtml(HttpResponse.ok(new ModelAndView<>("miniapp/sponsored", new Views.Partial(view))));
    }
}
