package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.webapp.Application;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Campaign images over real HTTP: checked by content, stripped, carried by the campaign and the ad, served cached. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdImageIT {

    private Application.Running app;
    private AdApi api;
    private AdEngineFixture given;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        Path folder = Files.createTempDirectory("ad-images");
        app = AdEngineFixture.startNode(Map.of("app.ads.images.local-path", folder.toString()));
        api = AdEngineFixture.apiOf(app).asOperator();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @BeforeEach
    void fixture() {
        given = new AdEngineFixture(api);
    }

    @Test
    void anUploadedImageIsStrippedShownWithTheAdAndServedWithCachingHeaders() throws Exception {
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of());
        String client = given.client(30, "MALE");
        assertThat(given.ad(client).json()).doesNotContainKey("ad_image_url");

        byte[] png = withTextChunk(png(40, 30), "Comment", "secret-metadata");
        HttpResponse<String> uploaded = upload(imagePath(advertiser, campaign), "image/png", png);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String url = new AdApi.Reply(200, uploaded.body()).field("ad_image_url");
        assertThat(url).startsWith("/ad_images/" + campaign + "/").endsWith(".png");

        assertThat(api.get(campaignPath(advertiser, campaign)).field("ad_image_url")).isEqualTo(url);
        assertThat(given.ad(client).field("ad_image_url")).isEqualTo(url);

        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(api.base().resolve(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("public").contains("max-age=31536000"));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-metadata");

        HttpResponse<byte[]> again = http.send(
                HttpRequest.newBuilder(api.base().resolve(url)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);

        assertThat(api.delete(imagePath(advertiser, campaign)).status()).isEqualTo(204);
        assertThat(api.get(campaignPath(advertiser, campaign)).json()).doesNotContainKey("ad_image_url");
        assertThat(api.get(url).status()).isEqualTo(404);
        assertThat(api.delete(imagePath(advertiser, campaign)).status()).isEqualTo(404);
    }

    @Test
    void aJpegSentAsMultipartReplacesThePreviousImage() throws Exception {
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of());
        assertThat(upload(imagePath(advertiser, campaign), "image/png", png(10, 10)).statusCode()).isEqualTo(201);
        String first = api.get(campaignPath(advertiser, campaign)).field("ad_image_url");

        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_3BYTE_BGR), "jpeg", jpeg);
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jpeg.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reply = upload(imagePath(advertiser, campaign),
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        String second = new AdApi.Reply(201, reply.body()).field("ad_image_url");
        assertThat(second).endsWith(".jpg").isNotEqualTo(first);
        assertThat(api.get(first).status()).isEqualTo(404);
        assertThat(api.get(second).status()).isEqualTo(200);
    }

    @Test
    void badImagesAreRefusedWith400NamingTheProblem() throws Exception {
        String advertiser = given.advertiser();
        String campaign = given.campaign(advertiser, Map.of());
        String path = imagePath(advertiser, campaign);

        HttpResponse<String> text = upload(path, "image/png", "GIF89a, not really".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("PNG, JPEG or WebP");

        byte[] broken = Arrays.copyOf(png(50, 50), 40);
        HttpResponse<String> undecodable = upload(path, "image/png", broken);
        assertThat(undecodable.statusCode()).isEqualTo(400);
        assertThat(undecodable.body()).contains("cannot be decoded");

        byte[] big = Arrays.copyOf(png(10, 10), 5 * 1024 * 1024 + 1);
        HttpResponse<String> tooBig = upload(path, "image/png", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("at most 5242880 bytes");

        HttpResponse<String> tooWide = upload(path, "image/png", png(5000, 1));
        assertThat(tooWide.statusCode()).isEqualTo(400);
        assertThat(tooWide.body()).contains("5000x1 pixels");

        assertThat(upload(path, "image/png", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(upload(imagePath(advertiser, UUID.randomUUID().toString()), "image/png", png(5, 5)).statusCode())
                .isEqualTo(404);
        assertThat(upload(imagePath(advertiser, "nope"), "image/png", png(5, 5)).statusCode()).isEqualTo(400);
        assertThat(api.get(campaignPath(advertiser, campaign)).json()).doesNotContainKey("ad_image_url");
        assertThat(api.get("/ad_images/" + campaign + "/..%2F..%2Fetc.png").status()).isEqualTo(404);
    }

    private static String campaignPath(String advertiser, String campaign) {
        return "/advertisers/" + advertiser + "/campaigns/" + campaign;
    }

    private static String imagePath(String advertiser, String campaign) {
        return campaignPath(advertiser, campaign) + "/ad_image";
    }

    private HttpResponse<String> upload(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(api.base().resolve(URI.create(path)))
                .header("Content-Type", contentType).header("X-Api-Key", AdApi.TEST_OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    /** The PNG with a tEXt chunk inserted after IHDR (metadata an upload might carry). */
    private static byte[] withTextChunk(byte[] png, String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(new byte[] { 0, 0, (byte) (data.length >> 8), (byte) data.length });
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.writeBytes(new byte[] { (byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c });
        int afterHeader = 8 + 25; // signature, IHDR (length 4 + type 4 + data 13 + crc 4)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.toByteArray());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
