package io.chanmarket.admin.channelstatus;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.AdminProblem;
import io.chanmarket.admin.web.PageContext;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.EditableChannel;
import io.chanmarket.core.links.StartPayload;
import io.chanmarket.core.links.TrackedLink;
import io.chanmarket.core.links.TrackedLinks;
import io.chanmarket.parsers.Parsers;
import io.chanmarket.parsers.review.ValueReview;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A channel's parser status (latest fetch per source, freshness, warnings, "refresh now"), the evidence behind its
 * TGStat labels (which marker, when), the values the parsers refused or held back (confirm or reject a held one), and
 * its tracked links (create with a label, copy the t.me link, arrivals).
 */
@Controller("/admin/channels/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
public class ChannelStatusController {

    private static final int MAX_LABEL = 100;

    private final CatalogEditing catalog;
    private final Parsers parsers;
    private final TrackedLinks links;
    private final AuditLog audit;
    private final AdminPages pages;
    private final String botUsername;

    ChannelStatusController(CatalogEditing catalog, Parsers parsers, TrackedLinks links, AuditLog audit,
            AdminPages pages, @Value("${app.miniapp.bot-username:chanmarket_bot}") String botUsername) {
        this.catalog = catalog;
        this.parsers = parsers;
        this.links = links;
        this.audit = audit;
        this.pages = pages;
        this.botUsername = botUsername;
    }

    /** A tracked link as shown: the link, its t.me address and its arrivals. */
    public record LinkRow(TrackedLink link, String url, long arrivals) {
    }

    /**
     * @param ageHours
     *            hours since the channel's parsed values were last written; null when never
     */
    public record StatusPage(PageContext ctx, EditableChannel channel, Parsers.ChannelParsing parsing,
            @Nullable Long ageHours, List<LinkRow> links, @Nullable String notice, String label,
            @Nullable String labelError) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get("/status")
    ModelAndView<Map<String, Object>> status(HttpRequest<?> request, long id) {
        return page(request, id, null, "", null);
    }

    @Allowed(Role.MANAGER)
    @Post("/refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> refresh(HttpRequest<?> request, long id) {
        channel(id);
        if (!parsers.requestRefresh(id)) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(request, id, "status.not-fetchable", "", null));
        }
        return HttpResponse.seeOther(URI.create("/admin/channels/" + id + "/status"));
    }

    /** Confirms (writes) or rejects a value the parsers held back; 404 when it is no open held value of the channel. */
    @Allowed(Role.MANAGER)
    @Post("/reviews/{reviewId}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> request, long id, long reviewId, String decision) {
        channel(id);
        if (!decision.equals("confirm") && !decision.equals("reject")) {
            throw AdminProblem.notFound();
        }
        ValueReview review = parsers.openHeldValue(id, reviewId).orElseThrow(AdminProblem::notFound);
        AdminPrincipal actor = request.getAttribute(AdminPrincipal.ATTRIBUTE, AdminPrincipal.class).orElseThrow();
        boolean confirm = decision.equals("confirm");
        if (!parsers.decide(id, reviewId, confirm, actor.username())) {
            throw AdminProblem.notFound();
        }
        audit.record(actor, confirm ? "CONFIRM" : "REJECT", "parser_value_review", String.valueOf(reviewId),
                Map.of("field", review.field(), "current",
                        review.currentValue() == null ? "" : review.currentValue().toPlainString()),
                Map.of("field", review.field(), "proposed", review.proposed().toPlainString(), "channelId", id));
        return HttpResponse.seeOther(URI.create("/admin/channels/" + id + "/status#reviews"));
    }

    @Allowed(Role.MANAGER)
    @Post("/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createLink(HttpRequest<?> request, long id, @Body Map<String, String> form) {
        channel(id);
        String label = form.getOrDefault("label", "").trim();
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(
                    page(request, id, null, label, label.isEmpty() ? "links.label-required" : "links.label-long"));
        }
        TrackedLink created = links.create(id, label);
        AdminPrincipal actor = request.getAttribute(AdminPrincipal.ATTRIBUTE, AdminPrincipal.class).orElseThrow();
        audit.record(actor, "CREATE", "tracked_link", String.valueOf(created.id()), null,
                Map.of("id", created.id(), "code", created.code(), "channelId", id, "label", label));
        return HttpResponse.seeOther(URI.create("/admin/channels/" + id + "/status#links"));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, long id, @Nullable String notice,
            String label, @Nullable String labelError) {
        EditableChannel channel = channel(id);
        Parsers.ChannelParsing parsing = parsers.channel(id);
        Instant updatedAt = parsing.updatedAt();
        Long ageHours = updatedAt == null ? null : Duration.between(updatedAt, Instant.now()).toHours();
        List<LinkRow> rows = links.forChannel(id).stream()
                .map(l -> new LinkRow(l.link(), StartPayload.appLink(botUsername, l.link().code()), l.arrivals()))
                .toList();
        StatusPage page = new StatusPage(pages.context(request), channel, parsing, ageHours, rows, notice, label,
                labelError);
        return new ModelAndView<>("admin/channelstatus/status", Map.of("page", page));
    }

    private EditableChannel channel(long id) {
        return catalog.channel(id).orElseThrow(AdminProblem::notFound);
    }
}
