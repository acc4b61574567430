package io.chanmarket.core.ads.images;

import io.chanmarket.core.ads.AdsException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an uploaded ad image by its content and re-encodes it without metadata.
 *
 * <p>
 * The format is recognised by its magic bytes only (the declared content type and file name are ignored): PNG, JPEG or
 * WebP. The size must be at most {@code maxBytes}; the dimensions are read from the header before anything is decoded
 * and must be within {@code maxSide} on each side and {@link #MAX_PIXELS} in all (so a small file cannot unpack into a
 * huge bitmap); at most {@link #MAX_CONCURRENT_DECODES} images decode at once in the JVM (others wait up to
 * {@link #DECODE_WAIT}, then {@link Busy}); then the image must decode completely. The pixels are written anew: PNG as
 * PNG, JPEG as JPEG (quality 0.9), so no EXIF, XMP, ICC, comment or text chunk of the upload survives. WebP is decoded
 * with the TwelveMonkeys reader but the JDK has no WebP writer, so a WebP upload is stored as a lossless PNG.
 */
public final class ImageCheck {

    /** The formats accepted, with how they are stored. */
    public enum Format {
        PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), WEBP("png", "image/png");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** The extension of the stored (re-encoded) file. */
        public String extension() {
            return extension;
        }

        /** The content type of the stored (re-encoded) file. */
        public String contentType() {
            return contentType;
        }

        /** The stored format of an object key by its extension, or null. */
        public static Format ofKey(String key) {
            if (key.endsWith(".png")) {
                return PNG;
            }
            if (key.endsWith(".jpg")) {
                return JPEG;
            }
            return null;
        }
    }

    /** A checked image, re-encoded. */
    public record Checked(Format format, byte[] bytes, int width, int height) {
    }

    /** Pixel budget of one image: more is refused before decoding (a small file may declare a huge bitmap). */
    public static final long MAX_PIXELS = 25_000_000L;
    /** Decodes at once in this JVM, ad images and logos together; more wait, at most {@link #DECODE_WAIT}. */
    static final int MAX_CONCURRENT_DECODES = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final java.time.Duration DECODE_WAIT = java.time.Duration.ofSeconds(5);
    private static final java.util.concurrent.Semaphore DECODES = new java.util.concurrent.Semaphore(
            MAX_CONCURRENT_DECODES, true);

    /** Too many images are being decoded right now: try again shortly. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many images are being checked right now; try again in a moment");
        }
    }

    /** Decode slots free right now (tests). */
    static int freeDecodeSlots() {
        return DECODES.availablePermits();
    }

    private final long maxBytes;
    private final int maxSide;

    public ImageCheck(long maxBytes, int maxSide) {
        this.maxBytes = maxBytes;
        this.maxSide = maxSide;
    }

    /** The format by magic bytes, or null when it is none of PNG, JPEG, WebP. */
    public static Format sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Format.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 16 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P' && b[12] == 'V' && b[13] == 'P' && b[14] == '8') {
            return Format.WEBP;
        }
        return null;
    }

    /** Checks {@code bytes} and returns the re-encoded image, or throws {@link AdsException.Invalid} saying why. */
    public Checked check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new AdsException.Invalid("image is required: send the file as multipart part 'image' or as the body");
        }
        if (bytes.length > maxBytes) {
            throw new AdsException.Invalid(
                    "image is " + bytes.length + " bytes; at most " + maxBytes + " bytes are accepted");
        }
        Format format = sniff(bytes);
        if (format == null) {
            throw new AdsException.Invalid("image must be a PNG, JPEG or WebP file (recognised by its content)");
        }
        try {
            if (!DECODES.tryAcquire(DECODE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            BufferedImage image = decode(bytes, format);
            return new Checked(format, encode(image, format), image.getWidth(), image.getHeight());
        } finally {
            DECODES.release();
        }
    }

    private BufferedImage decode(byte[] bytes, Format format) {
        String name = format.name().toLowerCase(java.util.Locale.ROOT);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > maxSide || height > maxSide) {
                    throw new AdsException.Invalid("image is " + width + "x" + height
                            + " pixels; each side must be 1 to " + maxSide + " pixels");
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new AdsException.Invalid("image is " + width + "x" + height + " pixels; at most " + MAX_PIXELS
                            + " pixels are accepted");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new IOException("no image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AdsException) {
                throw (AdsException) e;
            }
            throw new AdsException.Invalid("image cannot be decoded as " + format.name() + ": the file is damaged");
        }
    }

    private static byte[] encode(BufferedImage image, Format format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format == Format.JPEG) {
                BufferedImage rgb = image;
                if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
                        && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                    rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                    rgb.getGraphics().drawImage(image, 0, 0, null);
                }
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.9f);
                    writer.write(null, new IIOImage(rgb, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
