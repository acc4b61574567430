package io.chanmarket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotTextsTest {

    @Test
    void everyKeyExistsInBothLanguages() {
        assertThat(BotTexts.keys("ru")).isNotEmpty().containsExactlyInAnyOrderElementsOf(BotTexts.keys("en"));
        for (String key : BotTexts.keys("ru")) {
            assertThat(BotTexts.text("ru", key)).as(key).isNotBlank();
            assertThat(BotTexts.text("en", key)).as(key).isNotBlank();
        }
    }

    @Test
    void languageFollowsTelegramLanguageCodeRussianFirst() {
        assertThat(BotTexts.language(null)).isEqualTo("ru");
        assertThat(BotTexts.language("ru")).isEqualTo("ru");
        assertThat(BotTexts.language("uk")).isEqualTo("ru");
        assertThat(BotTexts.language("en")).isEqualTo("en");
        assertThat(BotTexts.language("de")).isEqualTo("en");
    }
}
