package io.chanmarket.core.platform.roles;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which parts of the application run on this node ({@code app.roles.*}). Each part gates its beans with
 * {@code @Requires(property = "app.roles.<part>", notEquals = "false")}; this record is for code that needs the whole
 * picture (start-up log, health).
 */
@ConfigurationProperties("app.roles")
public record AppRoles(@Bindable(defaultValue = "true") boolean web, @Bindable(defaultValue = "true") boolean admin,
        @Bindable(defaultValue = "true") boolean bot, @Bindable(defaultValue = "true") boolean parserSchedule,
        @Bindable(defaultValue = "true") boolean mailingSender) {

    /** The roles switched on, for the start-up log. */
    public String describe() {
        StringBuilder on = new StringBuilder();
        append(on, web, "web");
        append(on, admin, "admin");
        append(on, bot, "bot");
        append(on, parserSchedule, "parser-schedule");
        append(on, mailingSender, "mailing-sender");
        return on.isEmpty() ? "none" : on.toString();
    }

    private static void append(StringBuilder out, boolean on, String name) {
        if (on) {
            out.append(out.isEmpty() ? "" : ", ").append(name);
        }
    }
}
