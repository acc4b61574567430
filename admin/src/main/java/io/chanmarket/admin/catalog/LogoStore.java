package io.chanmarket.admin.catalog;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.images.AdImages;
import io.chanmarket.core.ads.images.ImageCheck;
import io.micronaut.context.annotation.Value;
import io.micronaut.objectstorage.ObjectStorageEntry;
import io.micronaut.objectstorage.ObjectStorageOperations;
import io.micronaut.objectstorage.request.UploadRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Channel logos, in the object storage that holds the ad images ({@link AdImages#STORAGE}: the local file system by
 * default, S3-compatible storage in a deployment, shared by every node) under {@code logos/<sha-256>.<png|jpg>}. The
 * type is decided by the file's first bytes, never by its name or declared type (PNG, JPEG, WebP); the image is checked
 * and re-encoded by {@link ImageCheck} like ad images (WebP is stored as PNG); keys are the content's SHA-256, so a URL
 * never changes its content and can be cached for good. Logos stored before, as files in {@code app.admin.logos.dir},
 * are still read from there.
 */
@Singleton
public class LogoStore {

    /** URL prefix under which logos are served. */
    public static final String URL_PREFIX = "/media/logos/";
    /** The key prefix of logos in the object storage. */
    static final String KEY_PREFIX = "logos/";

    /** The largest side of a logo, in pixels. */
    static final int MAX_SIDE = 4096;

    private final ObjectStorageOperations<?, ?, ?> storage;
    private final Path legacyDir;
    private final long maxBytes;

    public LogoStore(@Named(AdImages.STORAGE) ObjectStorageOperations<?, ?, ?> storage,
            @Value("${app.admin.logos.dir:data/logos}") String legacyDir,
            @Value("${app.admin.logos.max-bytes:1048576}") long maxBytes) {
        this.storage = storage;
        this.legacyDir = Path.of(legacyDir).toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    /** Image types accepted as logos. */
    public enum ImageType {
        PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

        final String extension;
        final String mediaType;

        ImageType(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Optional<ImageType> ofExtension(String extension) {
            return Arrays.stream(values()).filter(t -> t.extension.equals(extension)).findFirst();
        }
    }

    /** The outcome of storing an upload: the logo's URL, or a message key saying why it was refused. */
    public record Stored(String url, String errorKey) {
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Stored store(byte[] content) {
        if (content.length == 0) {
            return new Stored(null, "error.logo-empty");
        }
        if (content.length > maxBytes) {
            return new Stored(null, "error.logo-size");
        }
        Optional<ImageType> type = sniff(content);
        if (type.isEmpty() || type.get() == ImageType.GIF) {
            return new Stored(null, "error.logo-type");
        }
        // checked and re-encoded like ad images: header dimensions and pixel budget before decoding, then the pixels
        // written anew, so no truncated file, no appended payload (PNG+HTML polyglot) and no metadata is served
        ImageCheck.Checked checked;
        try {
            checked = new ImageCheck(maxBytes, MAX_SIDE).check(content);
        } catch (AdsException.Invalid e) {
            return new Stored(null, "error.logo-damaged");
        } catch (ImageCheck.Busy e) {
            return new Stored(null, "error.logo-busy");
        }
        content = checked.bytes();
        String name = sha256(content) + "." + (checked.format().extension().equals("jpg") ? "jpg" : "png");
        String key = KEY_PREFIX + name;
        if (!storage.exists(key)) {
            storage.upload(UploadRequest.fromBytes(content, key,
                    name.endsWith(".jpg") ? ImageType.JPEG.mediaType : ImageType.PNG.mediaType));
        }
        return new Stored(URL_PREFIX + name, null);
    }

    /** A stored logo by its file name, with its media type; empty for names this store never makes. */
    public Optional<Logo> read(String name) {
        if (name == null || !name.matches("[0-9a-f]{64}\\.(png|jpg|gif|webp)")) {
            return Optional.empty();
        }
        String mediaType = ImageType.ofExtension(name.substring(name.indexOf('.') + 1)).orElseThrow().mediaType;
        Optional<? extends ObjectStorageEntry<?>> entry = storage.retrieve(KEY_PREFIX + name);
        try {
            if (entry.isPresent()) {
                try (InputStream in = entry.get().getInputStream()) {
                    return Optional.of(new Logo(in.readAllBytes(), mediaType, name.substring(0, 64)));
                }
            }
            Path file = legacyDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Logo(Files.readAllBytes(file), mediaType, name.substring(0, 64)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Logo bytes with their media type and a strong ETag (the content hash). */
    public record Logo(byte[] content, String mediaType, String etag) {
    }

    static Optional<ImageType> sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageType.PNG);
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(ImageType.GIF);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(ImageType.WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        if (content.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
