package io.chanmarket.core.ads.images;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.objectstorage.ObjectStorageEntry;
import io.micronaut.objectstorage.ObjectStorageException;
import io.micronaut.objectstorage.ObjectStorageOperations;
import io.micronaut.objectstorage.request.UploadRequest;
import io.micronaut.objectstorage.response.UploadResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@value AdImages#STORAGE} object storage on the local file system (the default,
 * {@code app.ads.images.storage=local}): one file per key under {@code app.ads.images.local-path}, written to a
 * temporary file and moved into place. It implements Micronaut Object Storage's {@link ObjectStorageOperations}, so
 * {@code app.ads.images.storage=s3} swaps in the S3-compatible implementation of the same interface without touching
 * {@link AdImages}.
 */
@Singleton
@Named(AdImages.STORAGE)
@Requires(property = "app.ads.images.storage", value = "local", defaultValue = "local")
public class LocalObjectStorage implements ObjectStorageOperations<Path, Path, Boolean> {

    private final Path root;

    public LocalObjectStorage(@Value("${app.ads.images.local-path:data/ad-images}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    @Override
    public UploadResponse<Path> upload(UploadRequest request) {
        return upload(request, path -> {
        });
    }

    @Override
    public UploadResponse<Path> upload(UploadRequest request, Consumer<Path> options) {
        Path target = resolve(request.getKey());
        try (InputStream in = request.getInputStream()) {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            options.accept(target);
            return UploadResponse.of(request.getKey(), Long.toHexString(Files.size(target)), target);
        } catch (IOException e) {
            throw new ObjectStorageException("cannot store " + request.getKey(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends ObjectStorageEntry<?>> Optional<E> retrieve(String key) {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of((E) new Entry(key, path));
    }

    @Override
    public Boolean delete(String key) {
        try {
            return Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new ObjectStorageException("cannot delete " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new ObjectStorageException("invalid key " + key);
        }
        return path;
    }

    /** A stored file. */
    private record Entry(String key, Path path) implements ObjectStorageEntry<Path> {

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public InputStream getInputStream() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Path getNativeEntry() {
            return path;
        }

        @Override
        public Map<String, String> getMetadata() {
            return Map.of();
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(ImageCheck.Format.ofKey(key)).map(ImageCheck.Format::contentType);
        }
    }
}
