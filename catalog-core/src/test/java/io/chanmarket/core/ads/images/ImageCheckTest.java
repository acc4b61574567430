package io.chanmarket.core.ads.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.core.ads.AdsException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Decompression bombs (issue 14, finding 4): the header's dimensions are checked against the side limit and the pixel
 * budget before anything is decoded, and decodes run a bounded number at a time.
 */
class ImageCheckTest {

    /** A PNG that declares {@code width}x{@code height} and holds a few compressed rows of zeros. */
    static byte[] pngDeclaring(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] realPng(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aHeaderOverThePixelBudgetIsRefusedBeforeDecoding() throws Exception {
        ImageCheck check = new ImageCheck(5_000_000, 60_000);
        byte[] bomb = pngDeclaring(6_000, 6_000);
        assertThat(bomb.length).isLessThan(5_000);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> check.check(bomb)).isInstanceOf(AdsException.Invalid.class)
                .hasMessageContaining("6000x6000").hasMessageContaining("25000000 pixels");
        assertThatThrownBy(() -> check.check(pngDeclaring(50_000, 50_000))).isInstanceOf(AdsException.Invalid.class)
                .hasMessageContaining("pixels");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(100L << 20);
        assertThat(ImageCheck.freeDecodeSlots()).isEqualTo(ImageCheck.MAX_CONCURRENT_DECODES);
    }

    @Test
    void withTheDefaultSideLimitALargeHeaderIsRefusedAndTruncatedFilesAreDamaged() throws Exception {
        ImageCheck check = new ImageCheck(5_000_000, 4096);
        assertThatThrownBy(() -> check.check(pngDeclaring(50_000, 50_000))).isInstanceOf(AdsException.Invalid.class)
                .hasMessageContaining("50000x50000");
        byte[] real = realPng(64, 64);
        byte[] truncated = java.util.Arrays.copyOf(real, real.length / 2);
        assertThatThrownBy(() -> check.check(truncated)).isInstanceOf(AdsException.Invalid.class)
                .hasMessageContaining("damaged");
        byte[] polyglot = concat(real, "<html><script>alert(1)</script></html>".getBytes());
        ImageCheck.Checked clean = check.check(polyglot);
        assertThat(new String(clean.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
    }

    @Test
    void manyParallelBombsNeitherExhaustTheHeapNorLeakSlots() throws Exception {
        ImageCheck check = new ImageCheck(5_000_000, 4096);
        byte[] declared = pngDeclaring(4096, 4096);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    try {
                        check.check(declared);
                    } catch (AdsException.Invalid | ImageCheck.Busy expected) {
                        // damaged (the rows are missing) or busy: both are answers, not a crash
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ImageCheck.freeDecodeSlots()).isEqualTo(ImageCheck.MAX_CONCURRENT_DECODES);
        // a valid image still passes afterwards
        assertThat(check.check(realPng(32, 32)).width()).isEqualTo(32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
