package io.chanmarket.webapp.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdLinkTest {

    @Test
    void theFirstWebAddressOfTheTextWithoutTrailingPunctuation() {
        assertThat(AdLink.in("Второй капучино в подарок: https://zerno.coffee/menu?utm=tg. Ждём!"))
                .isEqualTo("https://zerno.coffee/menu?utm=tg");
    }

    @Test
    void aTelegramLinkOrAUsernameOpensInTelegram() {
        assertThat(AdLink.in("Подписывайтесь: t.me/zerno_coffee!")).isEqualTo("https://t.me/zerno_coffee");
        assertThat(AdLink.in("Пишите @zerno_coffee, ответим за минуту")).isEqualTo("https://t.me/zerno_coffee");
    }

    @Test
    void anEmailOrAShortHandleIsNotALink() {
        assertThat(AdLink.in("Вопросы: hello@zerno.coffee, скидка @10")).isNull();
        assertThat(AdLink.in("Второй капучино в подарок")).isNull();
        assertThat(AdLink.in(null)).isNull();
    }

    @Test
    void whatCannotBeAnAddressIsSkipped() {
        assertThat(AdLink.in("http://:80 и потом https://ok.example/x")).isEqualTo("https://ok.example/x");
    }
}
