package io.chanmarket.core.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void acceptsTelegramTagsAndEntitiesOnly() {
        assertThat(TelegramHtml.isValid("<b>Hot</b> slot &amp; <i>20%</i> off <a href=\"https://t.me/x\">here</a>"))
                .isTrue();
        assertThat(TelegramHtml.isValid("<tg-spoiler>x</tg-spoiler>\n<blockquote>q</blockquote>")).isTrue();
        assertThat(TelegramHtml.isValid("<b>unclosed")).isFalse();
        assertThat(TelegramHtml.isValid("<b><i>crossed</b></i>")).isFalse();
        assertThat(TelegramHtml.isValid("<script>alert(1)</script>")).isFalse();
        assertThat(TelegramHtml.isValid("<a href=\"javascript:alert(1)\">x</a>")).isFalse();
        assertThat(TelegramHtml.isValid("<b onclick=\"x\">x</b>")).isFalse();
        assertThat(TelegramHtml.isValid("1 < 2")).isFalse();
        assertThat(TelegramHtml.isValid("AT&T")).isFalse();
    }

    @Test
    void previewKeepsFormattingAndEscapesAnythingElse() {
        assertThat(TelegramHtml.preview("<b>bold</b>\n<tg-spoiler>s</tg-spoiler>"))
                .isEqualTo("<b>bold</b><br><span>s</span>");
        assertThat(TelegramHtml.preview("<script>x</script>")).isEqualTo("&lt;script&gt;x&lt;/script&gt;");
        assertThat(TelegramHtml.preview("<a href=\"https://t.me/x\">x</a>")).contains("rel=\"noopener noreferrer\"");
    }

    @Test
    void draftProblemsNameTheField() {
        MailingDraft ok = new MailingDraft("t", "<b>x</b>", null, 5L, "Open", List.of());
        assertThat(ok.problems()).isEmpty();
        assertThat(new MailingDraft(" ", "", "ftp://x", null, "Open", List.of()).problems())
                .isEqualTo(Map.of("title", "mailing.error.required", "text", "mailing.error.required", "imageUrl",
                        "mailing.error.url", "buttonChannelId", "mailing.error.buttonChannel"));
        assertThat(
                new MailingDraft("t", "x".repeat(1025), "https://img.example/a.png", null, null, List.of()).problems())
                        .containsEntry("text", "mailing.error.captionTooLong");
        assertThat(new MailingDraft("t", "<u>x", null, null, null, List.of()).problems()).containsEntry("text",
                "mailing.error.html");
    }
}
