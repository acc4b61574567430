package io.chanmarket.core.ads.images;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.Campaigns;
import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.objectstorage.ObjectStorageEntry;
import io.micronaut.objectstorage.ObjectStorageOperations;
import io.micronaut.objectstorage.request.UploadRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One image per campaign: upload (checked and stripped by {@link ImageCheck}), delete, read for serving. The file goes
 * to the {@value #STORAGE} object storage under {@code <campaign id>/<content hash>.<png|jpg>}, so a key never changes
 * its content and can be cached for good; the key is recorded in {@code ad_campaign_image}, and the campaign (and the
 * ads served from it) carries its URL. Every change is announced like a campaign change, so serving picks it up.
 */
@Singleton
@Requires(beans = DataSource.class)
public class AdImages {

    /** The name of the object storage holding the images. */
    public static final String STORAGE = "ad-images";

    private static final Logger LOG = LoggerFactory.getLogger(AdImages.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}/[0-9a-f]{32}\\.(png|jpg)");

    private final Campaigns campaigns;
    private final Jdbc jdbc;
    private final ObjectStorageOperations<?, ?, ?> storage;
    private final ImageCheck check;

    AdImages(Campaigns campaigns, Jdbc jdbc, @Named(STORAGE) ObjectStorageOperations<?, ?, ?> storage,
            @Value("${app.ads.images.max-bytes:5242880}") long maxBytes,
            @Value("${app.ads.images.max-side:4096}") int maxSide) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.storage = storage;
        this.check = new ImageCheck(maxBytes, maxSide);
    }

    /** Stores {@code bytes} as the campaign's image (replacing any earlier one) and returns the campaign with it. */
    public Campaign upload(String advertiserId, String campaignId, byte[] bytes) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        ImageCheck.Checked image = check.check(bytes);
        String key = campaign.campaignId() + "/" + hash(image.bytes()) + "." + image.format().extension();
        storage.upload(UploadRequest.fromBytes(image.bytes(), key, image.format().contentType()));
        Optional<String> previous = jdbc.inTransaction(c -> {
            Optional<String> old = currentKey(c, campaign.campaignId());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_campaign_image (campaign_id, object_key, content_type, width, height, size_bytes)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (campaign_id) DO UPDATE SET object_key = EXCLUDED.object_key,
                        content_type = EXCLUDED.content_type, width = EXCLUDED.width, height = EXCLUDED.height,
                        size_bytes = EXCLUDED.size_bytes, uploaded_at = now()""")) {
                ps.setObject(1, campaign.campaignId());
                ps.setString(2, key);
                ps.setString(3, image.format().contentType());
                ps.setInt(4, image.width());
                ps.setInt(5, image.height());
                ps.setLong(6, image.bytes().length);
                ps.executeUpdate();
            }
            return old;
        });
        previous.filter(old -> !old.equals(key)).ifPresent(this::deleteQuietly);
        campaigns.touch();
        return campaigns.get(advertiserId, campaignId);
    }

    /** Removes the campaign's image; {@link AdsException.NotFound} when it has none. */
    public void delete(String advertiserId, String campaignId) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        Optional<String> key = jdbc.inTransaction(c -> {
            Optional<String> old = currentKey(c, campaign.campaignId());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ad_campaign_image WHERE campaign_id = ?")) {
                ps.setObject(1, campaign.campaignId());
                ps.executeUpdate();
            }
            return old;
        });
        if (key.isEmpty()) {
            throw new AdsException.NotFound("campaign " + campaign.campaignId() + " has no image");
        }
        deleteQuietly(key.get());
        campaigns.touch();
    }

    /** A stored image: its bytes, content type and a strong validator. */
    public record StoredImage(byte[] bytes, String contentType, String etag) {
    }

    /** The image stored under {@code key} (as in the URL), if any. */
    public Optional<StoredImage> read(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Optional<? extends ObjectStorageEntry<?>> entry = storage.retrieve(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = entry.get().getInputStream()) {
            ImageCheck.Format format = ImageCheck.Format.ofKey(key);
            String etag = "\"" + key.substring(key.indexOf('/') + 1, key.indexOf('.')) + "\"";
            return Optional.of(new StoredImage(in.readAllBytes(), format.contentType(), etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> currentKey(java.sql.Connection c, UUID campaignId) throws java.sql.SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("SELECT object_key FROM ad_campaign_image WHERE campaign_id = ? FOR UPDATE")) {
            ps.setObject(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the replaced ad image {}", key, e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
