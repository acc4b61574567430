package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.images.AdImages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Campaign images (an addition to the contract): upload as multipart part {@code image} or as the raw body, delete, and
 * serve. Served images never change under their URL (the key holds a hash of the content), so they are cached for a
 * year; the ETag answers conditional requests with 304.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Campaign images")
@ApiResponse(responseCode = "400", description = "Invalid input (the message says what)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class AdImagesController {

    private static final String PATH = "/advertisers/{advertiserId}/campaigns/{campaignId}/ad_image";
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final AdImages images;

    AdImagesController(AdImages images) {
        this.images = images;
    }

    @AdAccess(value = AdAccess.Need.ADVERTISER, contract = false)
    @Post(PATH)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Upload or replace the campaign's image (multipart part 'image'; PNG, JPEG or WebP)")
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Campaign uploadForm(
            @Parameter(description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId,
            @Nullable @Part("image") CompletedFileUpload image) {
        if (image == null) {
            throw new AdsException.Invalid("image is required: send the file as multipart part 'image'");
        }
        try {
            return images.upload(advertiserId, campaignId, image.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AdAccess(value = AdAccess.Need.ADVERTISER, contract = false)
    @Post(PATH)
    @Consumes({ "image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM })
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Upload or replace the campaign's image (the body is the image)")
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Campaign uploadBody(
            @Parameter(description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId,
            @Nullable @Body byte[] image) {
        return images.upload(advertiserId, campaignId, image);
    }

    @AdAccess(value = AdAccess.Need.ADVERTISER, contract = false)
    @Delete(PATH)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the campaign's image")
    @ApiResponse(responseCode = "404", description = "No such campaign of this advertiser", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    void delete(
            @Parameter(description = "The advertiser's UUID", schema = @Schema(type = "string", format = "uuid")) String advertiserId,
            @Parameter(description = "The campaign's UUID", schema = @Schema(type = "string", format = "uuid")) String campaignId) {
        images.delete(advertiserId, campaignId);
    }

    @AdAccess(value = AdAccess.Need.ANYONE, contract = false)
    @Get("/ad_images/{campaignId}/{file}")
    @Operation(summary = "An uploaded campaign image (cacheable, with an ETag)")
    @ApiResponse(responseCode = "404", description = "No such image", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    HttpResponse<?> serve(String campaignId, String file,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return images.read(campaignId + "/" + file).<HttpResponse<?>> map(image -> {
            if (image.etag().equals(ifNoneMatch)) {
                return HttpResponse.notModified().header(HttpHeaders.ETAG, image.etag())
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            }
            return HttpResponse.ok(image.bytes()).contentType(image.contentType())
                    .header(HttpHeaders.ETAG, image.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .header("X-Content-Type-Options", "nosniff");
        }).orElseGet(() -> AdApiErrors.error(HttpStatus.NOT_FOUND, "no image " + campaignId + "/" + file));
    }
}
