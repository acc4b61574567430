package io.chanmarket.admin.web;

import io.micronaut.http.HttpStatus;

/** An expected failure of an admin request, shown as an error page with a translated message. */
public class AdminProblem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;

    public AdminProblem(HttpStatus status, String messageKey) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    public static AdminProblem notFound() {
        return new AdminProblem(HttpStatus.NOT_FOUND, "error.not-found");
    }

    public static AdminProblem badRequest(String messageKey) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, messageKey);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
