package io.chanmarket.core.ads.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextMatcherTest {

    private static boolean banned(String text, String phrase) {
        return TextMatcher.contains(TextMatcher.stems(text), TextMatcher.stems(phrase));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Лучшее казино", "КАЗИНО", "КаЗиНо онлайн", "к.а.з.и.н.о", "к а з и н о", "к-а-з-и-н-о",
            "KA3NHO", "кааазиноооо", "казино!!!", "играй в казиношке", "в казино", "Казиношки рядом", "kазинo" })
    void evasionsOfAWordAreCaught(String text) {
        assertThat(banned(text, "казино")).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Ставки на спорт", "ставка на спорт", "СТАВКИ НА СПОРТ", "ставками на спорте",
            "с.т.а.в.к.и на спорт" })
    void wordFormsOfAPhraseAreCaught(String text) {
        assertThat(banned(text, "ставки на спорт")).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Казна города", "Магазин одежды", "Кино и вино", "ставки растут, спорт полезен" })
    void harmlessTextsPass(String text) {
        assertThat(banned(text, "казино")).as(text).isFalse();
        assertThat(banned(text, "ставки на спорт")).as(text).isFalse();
    }

    @Test
    void theStemmerFollowsSnowball() {
        assertThat(RussianStemmer.stem("казино")).isEqualTo("казин");
        assertThat(RussianStemmer.stem("ставками")).isEqualTo("ставк");
        assertThat(RussianStemmer.stem("красивейший")).isEqualTo("красив");
        assertThat(RussianStemmer.stem("радость")).isEqualTo("радост");
        assertThat(RussianStemmer.stem("играющие")).isEqualTo("игра");
    }
}
