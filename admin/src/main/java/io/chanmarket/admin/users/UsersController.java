package io.chanmarket.admin.users;

import io.chanmarket.admin.auth.Account;
import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.admin.web.AdminPages;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.admin.web.AdminProblem;
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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Accounts and roles; admins only (no {@code @Allowed}). */
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "app.roles.admin", notEquals = "false")
class UsersController {

    private final AdminAccounts accounts;
    private final UserAdministration administration;
    private final AdminPages pages;
    private final Forms forms;

    UsersController(AdminAccounts accounts, UserAdministration administration, AdminPages pages, Forms forms) {
        this.accounts = accounts;
        this.administration = administration;
        this.pages = pages;
        this.forms = forms;
    }

    @Introspected
    record UsersPage(PageContext ctx, List<Account> users) {
    }

    @Introspected
    record UserFormPage(PageContext ctx, @Nullable Long id, UserForm form, Map<String, String> errors,
            @Nullable String conflict, List<Role> roles) {
    }

    @Get
    ModelAndView<UsersPage> list(HttpRequest<?> request) {
        return new ModelAndView<>("admin/users/list", new UsersPage(pages.context(request), accounts.list()));
    }

    @Get("/new")
    ModelAndView<UserFormPage> createForm(HttpRequest<?> request) {
        return form(request, null, UserForm.empty(), Map.of(), null);
    }

    @Get("/{id}")
    ModelAndView<UserFormPage> editForm(HttpRequest<?> request, long id) {
        Account account = accounts.find(id).orElseThrow(AdminProblem::notFound);
        return form(request, id, UserForm.of(account), Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            @Body UserForm form) {
        Map<String, String> errors = forms.errors(form, Default.class, UserForm.Creating.class);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, null, form, errors, null));
        }
        return outcome(request, null, form, administration.create(actor, form));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal actor,
            long id, @Body UserForm form) {
        Map<String, String> errors = forms.errors(form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(form(request, id, form, errors, null));
        }
        return outcome(request, id, form, administration.update(actor, id, form));
    }

    private HttpResponse<?> outcome(HttpRequest<?> request, @Nullable Long id, UserForm form,
            AdminAccounts.Outcome outcome) {
        if (outcome instanceof AdminAccounts.Saved) {
            return HttpResponse.seeOther(URI.create("/admin/users"));
        }
        if (outcome instanceof AdminAccounts.Stale stale) {
            UserForm fresh = UserForm.of(stale.current());
            return HttpResponse.status(HttpStatus.CONFLICT).body(form(request, id, fresh, Map.of(), "error.conflict"));
        }
        if (outcome instanceof AdminAccounts.UsernameTaken) {
            return HttpResponse.unprocessableEntity()
                    .body(form(request, id, form, Map.of("username", "error.username-taken"), null));
        }
        if (outcome instanceof AdminAccounts.LastAdmin) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(form(request, id, form, Map.of(), "error.last-admin"));
        }
        throw AdminProblem.notFound();
    }

    private ModelAndView<UserFormPage> form(HttpRequest<?> request, @Nullable Long id, UserForm form,
            Map<String, String> errors, @Nullable String conflict) {
        return new ModelAndView<>("admin/users/form",
                new UserFormPage(pages.context(request), id, form, errors, conflict, List.of(Role.values())));
    }
}
