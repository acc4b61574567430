package io.chanmarket.admin.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place where admin failures become responses: an HTML error page, never a stack trace. */
@Produces
@Singleton
@Requires(property = "app.roles.admin", notEquals = "false")
class AdminErrorHandler implements ExceptionHandler<AdminProblem, HttpResponse<?>> {

    private final AdminPages pages;
    private final AdminViews views;

    AdminErrorHandler(AdminPages pages, AdminViews views) {
        this.pages = pages;
        this.views = views;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AdminProblem problem) {
        return views.error(pages.context(request), problem.status(), problem.messageKey());
    }
}
