package io.chanmarket.core.platform.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppRolesTest {

    @Test
    void everyPartRunsByDefault() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("datasources.default.enabled", false))) {
            assertThat(ctx.getBean(AppRoles.class).describe())
                    .isEqualTo("web, admin, bot, parser-schedule, mailing-sender");
        }
    }

    @Test
    void partsSwitchOffByConfiguration() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("app.roles.bot", "false",
                "app.roles.parser-schedule", "false", "app.roles.mailing-sender", "false"))) {
            AppRoles roles = ctx.getBean(AppRoles.class);
            assertThat(roles.bot()).isFalse();
            assertThat(roles.web()).isTrue();
            assertThat(roles.describe()).isEqualTo("web, admin");
        }
    }
}
