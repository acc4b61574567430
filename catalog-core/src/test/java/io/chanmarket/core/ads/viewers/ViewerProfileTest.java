package io.chanmarket.core.ads.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.core.ads.clients.Client;
import org.junit.jupiter.api.Test;

class ViewerProfileTest {

    @Test
    void blankFieldsAreNotSet() {
        ViewerProfile.Form form = ViewerProfile.Form.parse(" ", "", null);
        assertThat(form.errors()).isEmpty();
        assertThat(form.profile()).isEqualTo(ViewerProfile.UNKNOWN);
    }

    @Test
    void valuesAreTrimmedAndParsed() {
        ViewerProfile.Form form = ViewerProfile.Form.parse(" 14 ", "FEMALE", "  Омск ");
        assertThat(form.errors()).isEmpty();
        assertThat(form.profile()).isEqualTo(new ViewerProfile(14, Client.Gender.FEMALE, "Омск"));
        assertThat(ViewerProfile.Form.parse("120", "male", "x".repeat(100)).profile().age()).isEqualTo(120);
    }

    @Test
    void badFieldsAreNamedWithTheirReason() {
        ViewerProfile.Form form = ViewerProfile.Form.parse("13", "other", "x".repeat(101));
        assertThat(form.profile()).isNull();
        assertThat(form.errors()).containsEntry("age", "range").containsEntry("gender", "choice")
                .containsEntry("location", "length");
        assertThat(ViewerProfile.Form.parse("121", "", "").errors()).containsEntry("age", "range");
        assertThat(ViewerProfile.Form.parse("twenty", "", "").errors()).containsEntry("age", "number");
        assertThat(ViewerProfile.Form.parse("2.5", "", "").errors()).containsEntry("age", "number");
    }

    @Test
    void aViewersLoginNamesTheTelegramUser() {
        assertThat(Viewers.login(42)).isEqualTo("tg:42");
    }
}
