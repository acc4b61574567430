package io.chanmarket.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.images.LocalObjectStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogoStoreTest {

    @Test
    void theTypeIsTakenFromTheFirstBytes() {
        assertThat(LogoStore.sniff(ChannelsIT.PNG)).hasValue(LogoStore.ImageType.PNG);
        assertThat(LogoStore.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 }))
                .hasValue(LogoStore.ImageType.JPEG);
        assertThat(LogoStore.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).hasValue(LogoStore.ImageType.GIF);
        assertThat(LogoStore.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .hasValue(LogoStore.ImageType.WEBP);
        assertThat(LogoStore.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
        assertThat(LogoStore.sniff(new byte[] { (byte) 0x89, 'P' })).isEmpty();
    }

    @Test
    void theSameContentIsStoredOnceUnderItsHashInTheObjectStorage() throws Exception {
        Path objects = Files.createTempDirectory("objects");
        LogoStore store = new LogoStore(new LocalObjectStorage(objects.toString()),
                Files.createTempDirectory("logos").toString(), 1024);
        LogoStore.Stored first = store.store(ChannelsIT.PNG);
        LogoStore.Stored second = store.store(ChannelsIT.PNG);
        assertThat(first.url()).isEqualTo(second.url()).startsWith("/media/logos/").endsWith(".png");
        try (var files = Files.list(objects.resolve("logos"))) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertThat(store.read(first.url().substring("/media/logos/".length()))).isPresent();
        assertThat(store.read("../secret.png")).isEmpty();
    }

    @Test
    void aLogoStoredAsAFileBeforeIsStillServed() throws Exception {
        Path legacy = Files.createTempDirectory("logos");
        String name = "ab".repeat(32) + ".png";
        Files.write(legacy.resolve(name), ChannelsIT.PNG);
        LogoStore store = new LogoStore(new LocalObjectStorage(Files.createTempDirectory("objects").toString()),
                legacy.toString(), 1024);
        assertThat(store.read(name)).hasValueSatisfying(logo -> {
            assertThat(logo.content()).isEqualTo(ChannelsIT.PNG);
            assertThat(logo.mediaType()).isEqualTo("image/png");
        });
        assertThat(store.read("cd".repeat(32) + ".png")).isEmpty();
    }
}
