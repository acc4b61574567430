package io.chanmarket.core.ads.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmVerdictTest {

    @Test
    void plainAndDecoratedYesAndNoAreRead() {
        assertThat(LlmVerdict.parse("yes")).isTrue();
        assertThat(LlmVerdict.parse("  YES.")).isTrue();
        assertThat(LlmVerdict.parse("**Yes** — it advertises a casino.")).isTrue();
        assertThat(LlmVerdict.parse("Answer: yes")).isTrue();
        assertThat(LlmVerdict.parse("Да")).isTrue();
        assertThat(LlmVerdict.parse("\"no\"")).isFalse();
        assertThat(LlmVerdict.parse("No, the ad is a plain shop offer.")).isFalse();
        assertThat(LlmVerdict.parse("Ответ: нет")).isFalse();
        assertThat(LlmVerdict.parse("I think the answer is no")).isFalse();
    }

    @Test
    void neitherOrBothIsNoVerdict() {
        assertThat(LlmVerdict.parse("")).isNull();
        assertThat(LlmVerdict.parse(null)).isNull();
        assertThat(LlmVerdict.parse("maybe")).isNull();
        assertThat(LlmVerdict.parse("It is hard to say: yes and no")).isNull();
    }
}
