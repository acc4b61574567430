package io.chanmarket.webapp.ads;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.llm.LlmException;
import io.chanmarket.core.platform.db.DatabaseBusy;
import io.chanmarket.core.platform.db.Jdbc;
import io.chanmarket.webapp.ads.access.AdAccess;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.objectstorage.ObjectStorageException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.web.router.RouteAttributes;
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

    public static MutableHttpResponse<ApiError> error(HttpStatus status, String message) {
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

    /** Redis (shared serving state) is away or too slow: 503 with Retry-After, within the command timeout. */
    @Produces
    @Singleton
    public static class RedisDown implements ExceptionHandler<io.lettuce.core.RedisException, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, io.lettuce.core.RedisException exception) {
            LOG.warn("Ad API request {} {} failed in Redis: {}", request.getMethod(), request.getPath(),
                    exception.toString());
            return error(HttpStatus.SERVICE_UNAVAILABLE, "the ad engine's shared state is not available now; try again")
                    .header("Retry-After", "1");
        }
    }

    /** Too many images are being decoded at once: 503 with Retry-After. */
    @Produces
    @Singleton
    public static class ImagesBusy
            implements ExceptionHandler<io.chanmarket.core.ads.images.ImageCheck.Busy, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request,
                io.chanmarket.core.ads.images.ImageCheck.Busy exception) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage()).header("Retry-After", "1");
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

    /**
     * A request whose body (or a query or path value) could not be read as the route's type: on the ad API, 400 in its
     * own error shape with the reason, which names the field (for example
     * {@code body: [0].age: expected an integer, not a string}); elsewhere the framework's usual answer.
     */
    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    public static class BadInput extends ConversionErrorHandler {

        public BadInput(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            boolean adApi = RouteAttributes.getRouteMatch(request)
                    .map(route -> route.getAnnotationMetadata().hasAnnotation(AdAccess.class)).orElse(false);
            if (!adApi) {
                return super.handle(request, exception);
            }
            return AdApiErrors.error(HttpStatus.BAD_REQUEST, reason(exception));
        }

        static String reason(ConversionErrorException exception) {
            Throwable cause = exception.getCause() == null ? exception : exception.getCause();
            String message = cause.getMessage() == null ? "not readable" : cause.getMessage();
            String name = exception.getArgument() == null ? "value" : exception.getArgument().getName();
            message = message.replaceAll("\\s+", " ").strip();
            if (message.length() > 300) {
                message = message.substring(0, 300) + "…";
            }
            return name + ": " + message;
        }
    }
}
