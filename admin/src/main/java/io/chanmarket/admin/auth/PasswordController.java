package io.chanmarket.admin.auth;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Allowed;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.PageContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;

/**
 * {@code /admin/password}: the signed-in account changes its own password. An account with a generated password (the
 * first admin) is sent here by {@link AccessFilter} until it does.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
class PasswordController {

    static final String PATH = "/admin/password";

    private final AdminAccounts accounts;
    private final AdminPages pages;
    private final AuditLog audit;

    PasswordController(AdminAccounts accounts, AdminPages pages, AuditLog audit) {
        this.accounts = accounts;
        this.pages = pages;
        this.audit = audit;
    }

    @Serdeable
    record PasswordForm(@Nullable String current, @Nullable String password, @Nullable String repeat) {
    }

    @Introspected
    record PasswordPage(PageContext ctx, boolean forced, @Nullable String error) {
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Get("/password")
    ModelAndView<PasswordPage> form(HttpRequest<?> request) {
        return new ModelAndView<>("admin/password", page(request, null));
    }

    @Allowed({ Role.MANAGER, Role.MODERATOR })
    @Post("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @Body PasswordForm form,
            @CookieValue(AccessFilter.SESSION_COOKIE) String token) {
        AdminPrincipal user = principal(request);
        AdminAccounts.PasswordChange outcome = accounts.changeOwnPassword(user.id(), SignIn.hash(token), form.current(),
                form.password(), form.repeat());
        if (outcome == AdminAccounts.PasswordChange.CHANGED) {
            audit.record(user, "UPDATE", "admin_user", String.valueOf(user.id()), null,
                    Map.of("password", "changed by its owner"));
            return HttpResponse.seeOther(URI.create("/admin"));
        }
        String key = switch (outcome) {
        case WRONG_CURRENT -> "password.wrong-current";
        case TOO_SHORT -> "error.password-short";
        case MISMATCH -> "password.mismatch";
        case SAME_AS_CURRENT -> "password.same";
        case CHANGED -> throw new IllegalStateException();
        };
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("admin/password", page(request, key)));
    }

    private PasswordPage page(HttpRequest<?> request, @Nullable String errorKey) {
        PageContext ctx = pages.context(request);
        return new PasswordPage(ctx, principal(request).mustChangePassword(),
                errorKey == null ? null : ctx.t(errorKey));
    }

    private static AdminPrincipal principal(HttpRequest<?> request) {
        return request.getAttribute(AdminPrincipal.ATTRIBUTE, AdminPrincipal.class).orElseThrow();
    }
}
