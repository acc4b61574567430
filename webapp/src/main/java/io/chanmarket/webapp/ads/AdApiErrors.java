package io.chanmarket.webapp.ads;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.Jdbc;
import io.chanmarket.core.ads.llm.LlmException;
import io.chanmarket.core.platform.db.DatabaseBusy;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.objectstorage.ObjectStorageException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the ad API's failures become HTTP statuses: invalid input 400, an unknown client, advertiser or
 * campaign (or no fitting ad) 404, a click on an ad the client was not shown 403, a conflict with the current state
 * 409, and 503 when the database or the image storage fails (with {@code Retry-After} when the database is only busy)
 * or an LLM feature is used without a configured LLM. The body is always {@code {"status": 400, "error": "Bad Request",
 * "message": "..."}} with a message meant for the caller, never exception internals. (A body that is not JSON of the
 * expected shape is refused with 400 by the framework before it reaches the ad engine.)
 */
@Produces
@Singleton
public class AdApiErrors implements ExceptionHandler<AdsException, HttpResponse<AdApiErrors.ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(AdApiErrors.class);

    /** The error body of the ad API. */
    @Serdeable
    public record ApiError(int status, String error, String message) {
    }

    static HttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError> status(status).body(new ApiError(status.getCode(), status.getReason(), message));
    }

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, AdsException exception) {
        HttpStatus status = exception instanceof AdsException.Invalid ? HttpStatus.BAD_REQUEST
                : exception instanceof AdsException.NotFound ? HttpStatus.NOT_FOUND
                        : exception instanceof AdsException.Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        return error(status, exception.getMessage());
    }

    /** The object storage of campaign images failed: 503, logged with its cause. */
    @Produces
    @Singleton
    public static class StorageDown implements ExceptionHandler<ObjectStorageException, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ObjectStorageException exception) {
            LOG.error("Ad API request {} {} failed in image storage", request.getMethod(), request.getPath(),
                    exception);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "the image storage is not available now; try again");
        }
    }

    /**
     * The ad engine's database failed: 503, logged with its cause. A busy database (no pool connection within the
     * pool's timeout, a statement past its limit) is 503 with {@code Retry-After}, logged as a warning.
     */
    @Produces
    @Singleton
    public static class DatabaseDown implements ExceptionHandler<Jdbc.DatabaseFailure, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, Jdbc.DatabaseFailure exception) {
            if (DatabaseBusy.is(exception)) {
                LOG.warn("Ad API request {} {}: database busy ({})", request.getMethod(), request.getPath(),
                        exception.getMessage());
                return HttpResponse.<ApiError> status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
                        .body(new ApiError(503, HttpStatus.SERVICE_UNAVAILABLE.getReason(),
                                "the ad engine's database is busy; try again shortly"));
            }
            LOG.error("Ad API request {} {} failed", request.getMethod(), request.getPath(), exception);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "the ad engine cannot serve this request now; try again");
        }
    }

    /** An LLM feature was asked for but no LLM endpoint is configured: 503 saying so. */
    @Produces
    @Singleton
    public static class LlmOff implements ExceptionHandler<LlmException.NotConfigured, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, LlmException.NotConfigured exception) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
        }
    }
}
