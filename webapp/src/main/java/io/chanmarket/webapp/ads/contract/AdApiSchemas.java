package io.chanmarket.webapp.ads.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.UUID;

/**
 * The ad API's bodies as the OpenAPI document shows them: property names, formats, required and nullable fields of
 * {@code shared/specs/ad-engine-openapi.yaml}, which the engine's records (catalog-core, snake_case by serde) carry on
 * the wire. The generator cannot read serde's naming strategy, so the controllers point their operations here. The
 * record names are the contract's schema names. {@code OpenApiContractTest} fails when this description and the
 * contract differ.
 */
public final class AdApiSchemas {

    private AdApiSchemas() {
    }

    private static final String UUID_EXAMPLE = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    public record Client(
            @JsonProperty("client_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID clientId,
            @Schema(example = "anna", requiredMode = RequiredMode.REQUIRED) String login,
            @Schema(example = "27", requiredMode = RequiredMode.REQUIRED) int age,
            @Schema(example = "Moscow", requiredMode = RequiredMode.REQUIRED) String location,
            @Schema(allowableValues = {
                    "MALE", "FEMALE" }, requiredMode = RequiredMode.REQUIRED) String gender){
    }

    public record ClientUpsert(
            @JsonProperty("client_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID clientId,
            @Schema(example = "anna", requiredMode = RequiredMode.REQUIRED) String login,
            @Schema(example = "27", requiredMode = RequiredMode.REQUIRED) int age,
            @Schema(example = "Moscow", requiredMode = RequiredMode.REQUIRED) String location,
            @Schema(allowableValues = {
                    "MALE", "FEMALE" }, requiredMode = RequiredMode.REQUIRED) String gender){
    }

    public record Advertiser(
            @JsonProperty("advertiser_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @Schema(example = "Coffee House", requiredMode = RequiredMode.REQUIRED) String name) {
    }

    public record AdvertiserUpsert(
            @JsonProperty("advertiser_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @Schema(example = "Coffee House", requiredMode = RequiredMode.REQUIRED) String name) {
    }

    public record MLScore(
            @JsonProperty("client_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID clientId,
            @JsonProperty("advertiser_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @Schema(example = "42", requiredMode = RequiredMode.REQUIRED) int score) {
    }

    public record Targeting(@Nullable @Schema(allowableValues = {
            "MALE", "FEMALE", "ALL" }, nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String gender,
            @JsonProperty("age_from") @Nullable @Schema(example = "18", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) Integer ageFrom,
            @JsonProperty("age_to") @Nullable @Schema(example = "35", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) Integer ageTo,
            @Nullable @Schema(example = "Moscow", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String location){
    }

    public record Campaign(
            @JsonProperty("campaign_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID campaignId,
            @JsonProperty("advertiser_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @JsonProperty("impressions_limit") @Schema(example = "1000", requiredMode = RequiredMode.REQUIRED) int impressionsLimit,
            @JsonProperty("clicks_limit") @Schema(example = "50", requiredMode = RequiredMode.REQUIRED) int clicksLimit,
            @JsonProperty("cost_per_impression") @Schema(format = "float", example = "0.5", requiredMode = RequiredMode.REQUIRED) double costPerImpression,
            @JsonProperty("cost_per_click") @Schema(format = "float", example = "5", requiredMode = RequiredMode.REQUIRED) double costPerClick,
            @JsonProperty("ad_title") @Schema(example = "Coffee for 1 ruble", requiredMode = RequiredMode.REQUIRED) String adTitle,
            @JsonProperty("ad_text") @Schema(example = "The first cup is on us.", requiredMode = RequiredMode.REQUIRED) String adText,
            @JsonProperty("start_date") @Schema(format = "int32", example = "1", requiredMode = RequiredMode.REQUIRED) int startDate,
            @JsonProperty("end_date") @Schema(format = "int32", example = "7", requiredMode = RequiredMode.REQUIRED) int endDate,
            @Schema(requiredMode = RequiredMode.REQUIRED) Targeting targeting,
            @JsonProperty("ad_image_url") @Nullable @Schema(description = "Addition to the contract: the campaign's image, omitted when it has none.", requiredMode = RequiredMode.NOT_REQUIRED) String adImageUrl,
            @Nullable @Schema(description = "Addition to the contract: true while a moderator has stopped the campaign, omitted otherwise.", requiredMode = RequiredMode.NOT_REQUIRED) Boolean stopped) {
    }

    public record CampaignCreate(
            @JsonProperty("impressions_limit") @Schema(example = "1000", requiredMode = RequiredMode.REQUIRED) int impressionsLimit,
            @JsonProperty("clicks_limit") @Schema(example = "50", requiredMode = RequiredMode.REQUIRED) int clicksLimit,
            @JsonProperty("cost_per_impression") @Schema(format = "float", example = "0.5", requiredMode = RequiredMode.REQUIRED) double costPerImpression,
            @JsonProperty("cost_per_click") @Schema(format = "float", example = "5", requiredMode = RequiredMode.REQUIRED) double costPerClick,
            @JsonProperty("ad_title") @Schema(example = "Coffee for 1 ruble", requiredMode = RequiredMode.REQUIRED) String adTitle,
            @JsonProperty("ad_text") @Schema(example = "The first cup is on us.", requiredMode = RequiredMode.REQUIRED) String adText,
            @JsonProperty("start_date") @Schema(format = "int32", example = "1", requiredMode = RequiredMode.REQUIRED) int startDate,
            @JsonProperty("end_date") @Schema(format = "int32", example = "7", requiredMode = RequiredMode.REQUIRED) int endDate,
            @Schema(requiredMode = RequiredMode.NOT_REQUIRED) Targeting targeting) {
    }

    public record CampaignUpdate(
            @JsonProperty("impressions_limit") @Schema(example = "1000", requiredMode = RequiredMode.NOT_REQUIRED) Integer impressionsLimit,
            @JsonProperty("clicks_limit") @Schema(example = "50", requiredMode = RequiredMode.NOT_REQUIRED) Integer clicksLimit,
            @JsonProperty("cost_per_impression") @Schema(format = "float", example = "0.5", requiredMode = RequiredMode.NOT_REQUIRED) Double costPerImpression,
            @JsonProperty("cost_per_click") @Schema(format = "float", example = "5", requiredMode = RequiredMode.NOT_REQUIRED) Double costPerClick,
            @JsonProperty("ad_title") @Schema(example = "Coffee for 1 ruble", requiredMode = RequiredMode.NOT_REQUIRED) String adTitle,
            @JsonProperty("ad_text") @Schema(example = "The first cup is on us.", requiredMode = RequiredMode.NOT_REQUIRED) String adText,
            @JsonProperty("start_date") @Schema(format = "int32", example = "1", requiredMode = RequiredMode.NOT_REQUIRED) Integer startDate,
            @JsonProperty("end_date") @Schema(format = "int32", example = "7", requiredMode = RequiredMode.NOT_REQUIRED) Integer endDate,
            @Schema(requiredMode = RequiredMode.NOT_REQUIRED) Targeting targeting) {
    }

    public record Ad(
            @JsonProperty("ad_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID adId,
            @JsonProperty("ad_title") @Schema(example = "Coffee for 1 ruble", requiredMode = RequiredMode.REQUIRED) String adTitle,
            @JsonProperty("ad_text") @Schema(example = "The first cup is on us.", requiredMode = RequiredMode.REQUIRED) String adText,
            @JsonProperty("advertiser_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @JsonProperty("ad_image_url") @Nullable @Schema(description = "Addition to the contract: the campaign's image, omitted when it has none.", requiredMode = RequiredMode.NOT_REQUIRED) String adImageUrl) {
    }

    public record ClickRequest(
            @JsonProperty("client_id") @Schema(format = "uuid", example = UUID_EXAMPLE, requiredMode = RequiredMode.REQUIRED) UUID clientId) {
    }

    public record Stats(
            @JsonProperty("impressions_count") @Schema(example = "1000", requiredMode = RequiredMode.REQUIRED) int impressionsCount,
            @JsonProperty("clicks_count") @Schema(example = "50", requiredMode = RequiredMode.REQUIRED) int clicksCount,
            @Schema(format = "float", example = "5", requiredMode = RequiredMode.REQUIRED) double conversion,
            @JsonProperty("spent_impressions") @Schema(format = "float", example = "500", requiredMode = RequiredMode.REQUIRED) double spentImpressions,
            @JsonProperty("spent_clicks") @Schema(format = "float", example = "250", requiredMode = RequiredMode.REQUIRED) double spentClicks,
            @JsonProperty("spent_total") @Schema(format = "float", example = "750", requiredMode = RequiredMode.REQUIRED) double spentTotal) {
    }

    public record DailyStats(
            @JsonProperty("impressions_count") @Schema(example = "1000", requiredMode = RequiredMode.REQUIRED) int impressionsCount,
            @JsonProperty("clicks_count") @Schema(example = "50", requiredMode = RequiredMode.REQUIRED) int clicksCount,
            @Schema(format = "float", example = "5", requiredMode = RequiredMode.REQUIRED) double conversion,
            @JsonProperty("spent_impressions") @Schema(format = "float", example = "500", requiredMode = RequiredMode.REQUIRED) double spentImpressions,
            @JsonProperty("spent_clicks") @Schema(format = "float", example = "250", requiredMode = RequiredMode.REQUIRED) double spentClicks,
            @JsonProperty("spent_total") @Schema(format = "float", example = "750", requiredMode = RequiredMode.REQUIRED) double spentTotal,
            @Schema(format = "int32", example = "3", requiredMode = RequiredMode.REQUIRED) int date) {
    }

    public record CurrentDate(
            @JsonProperty("current_date") @Schema(format = "int32", example = "3", requiredMode = RequiredMode.NOT_REQUIRED) Integer currentDate) {
    }

    public record Error(@Schema(example = "400", requiredMode = RequiredMode.REQUIRED) int status,
            @Schema(example = "Bad Request", requiredMode = RequiredMode.REQUIRED) String error,
            @Schema(example = "client_id must be a UUID", requiredMode = RequiredMode.REQUIRED) String message) {
    }

    // --- additions to the contract (same snake_case wire)

    public record AdTextRequest(
            @JsonProperty("campaign_title") @Nullable @Schema(description = "The campaign's title to write a text for (or give campaign_id)", example = "Coffee for 1 ruble", requiredMode = RequiredMode.NOT_REQUIRED) String campaignTitle,
            @JsonProperty("campaign_id") @Nullable @Schema(format = "uuid", description = "A campaign of this advertiser whose title to use", requiredMode = RequiredMode.NOT_REQUIRED) UUID campaignId) {
    }

    public record AdTextTask(
            @JsonProperty("task_id") @Schema(format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID taskId,
            @JsonProperty("advertiser_id") @Schema(format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @JsonProperty("campaign_id") @Nullable @Schema(format = "uuid", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) UUID campaignId,
            @JsonProperty("campaign_title") @Schema(requiredMode = RequiredMode.REQUIRED) String campaignTitle,
            @Schema(allowableValues = {
                    "pending", "done", "failed" }, requiredMode = RequiredMode.REQUIRED) String status,
            @Nullable @Schema(nullable = true, description = "The written text, once done", requiredMode = RequiredMode.NOT_REQUIRED) String text,
            @Nullable @Schema(nullable = true, description = "Why it failed", requiredMode = RequiredMode.NOT_REQUIRED) String reason,
            @JsonProperty("created_at") @Schema(format = "date-time", requiredMode = RequiredMode.REQUIRED) String createdAt,
            @JsonProperty("finished_at") @Nullable @Schema(format = "date-time", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String finishedAt){
    }

    public record ReportRequest(
            @JsonProperty("campaign_id") @Schema(format = "uuid", description = "The reported campaign", requiredMode = RequiredMode.REQUIRED) UUID campaignId,
            @Schema(description = "Why, 1 to 1000 characters", example = "Misleading text", requiredMode = RequiredMode.REQUIRED) String reason,
            @JsonProperty("client_id") @Nullable @Schema(format = "uuid", description = "The reporting viewer, a known client", requiredMode = RequiredMode.NOT_REQUIRED) UUID clientId,
            @Nullable @Schema(description = "Free text naming the reporter, up to 200 characters", requiredMode = RequiredMode.NOT_REQUIRED) String reporter) {
    }

    public record Report(
            @JsonProperty("report_id") @Schema(format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID reportId,
            @JsonProperty("campaign_id") @Schema(format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID campaignId,
            @JsonProperty("campaign_title") @Nullable @Schema(nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String campaignTitle,
            @JsonProperty("client_id") @Nullable @Schema(format = "uuid", nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) UUID clientId,
            @Nullable @Schema(nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String reporter,
            @Schema(requiredMode = RequiredMode.REQUIRED) String reason, @Schema(allowableValues = {
                    "SENT", "UNDER_REVIEW", "ACTION_TAKEN",
                    "SKIPPED" }, requiredMode = RequiredMode.REQUIRED) String state,
            @JsonProperty("llm_status") @Schema(allowableValues = { "PENDING", "DONE", "FAILED",
                    "OFF" }, requiredMode = RequiredMode.REQUIRED) String llmStatus,
            @JsonProperty("llm_flag") @Nullable @Schema(nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) Boolean llmFlag,
            @JsonProperty("llm_verdict") @Nullable @Schema(nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String llmVerdict,
            @JsonProperty("created_at") @Schema(format = "date-time", requiredMode = RequiredMode.REQUIRED) String createdAt,
            @JsonProperty("updated_at") @Schema(format = "date-time", requiredMode = RequiredMode.REQUIRED) String updatedAt,
            @JsonProperty("handled_by") @Nullable @Schema(nullable = true, requiredMode = RequiredMode.NOT_REQUIRED) String handledBy){
    }

    public record IssuedCode(
            @JsonProperty("advertiser_id") @Schema(format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID advertiserId,
            @Schema(description = "Send it to the bot as /login <code>", requiredMode = RequiredMode.REQUIRED) String code,
            @JsonProperty("expires_at") @Schema(format = "date-time", requiredMode = RequiredMode.REQUIRED) String expiresAt) {
    }
}
