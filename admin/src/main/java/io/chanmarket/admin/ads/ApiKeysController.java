package io.chanmarket.admin.ads;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.ads.advertisers.Advertiser;
import io.chanmarket.core.ads.advertisers.Advertisers;
import io.chanmarket.core.ads.apikeys.AdvertiserApiKeys;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Advertisers' ad API keys (auth mode {@code keys}, docs/security.md): admins and managers create a key (shown once, on
 * the page this returns) and revoke keys; the list is on the advertiser's page. Both are audited.
 */
@Controller("/admin/ads/advertisers/{id}/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Allowed(Role.MANAGER)
@Requires(property = "app.roles.admin", notEquals = "false")
public class ApiKeysController {

    private final AdvertiserApiKeys keys;
    private final Advertisers advertisers;
    private final AuditLog audit;
    private final AdminPages pages;

    ApiKeysController(AdvertiserApiKeys keys, Advertisers advertisers, AuditLog audit, AdminPages pages) {
        this.keys = keys;
        this.advertisers = advertisers;
        this.audit = audit;
        this.pages = pages;
    }

    @Serdeable
    record KeyForm(@Nullable String label) {
    }

    @Introspected
    public record CreatedPage(PageContext ctx, Advertiser advertiser, AdvertiserApiKeys.CreatedKey created) {
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            String id, @Body KeyForm form) {
        Advertiser advertiser = advertiser(id);
        AdvertiserApiKeys.CreatedKey created = keys.create(advertiser.advertiserId(), form.label());
        audit.record(actor, "API_KEY_CREATE", "advertiser_api_key", created.apiKey().keyId().toString(), null,
                Map.of("advertiser_id", advertiser.advertiserId().toString(), "prefix", created.apiKey().prefix()));
        return HttpResponse
                .ok(new ModelAndView<>("admin/ads/api_key_created",
                        Map.of("page", new CreatedPage(pages.context(request), advertiser, created))))
                .header("Cache-Control", "no-store");
    }

    @Post("/{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(@RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor, String id, String keyId) {
        Advertiser advertiser = advertiser(id);
        UUID key = uuid(keyId);
        if (keys.revoke(advertiser.advertiserId(), key)) {
            audit.record(actor, "API_KEY_REVOKE", "advertiser_api_key", key.toString(), null, null);
        }
        return HttpResponse.seeOther(URI.create("/admin/ads/advertisers/" + advertiser.advertiserId()));
    }

    private Advertiser advertiser(String id) {
        return advertisers.find(uuid(id)).orElseThrow(AdminProblem::notFound);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("ads.bad-id");
        }
    }
}
