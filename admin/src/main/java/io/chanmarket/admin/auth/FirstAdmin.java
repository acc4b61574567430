package io.chanmarket.admin.auth;

import io.chanmarket.admin.audit.AuditLog;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin on start-up when no active admin exists: from {@code app.admin.bootstrap.username} and
 * {@code app.admin.bootstrap.password}; in dev mode ({@code app.admin.dev-mode=true}) falls back to admin/admin;
 * otherwise logs how to create one and creates nothing.
 */
@Singleton
@Requires(property = "app.roles.admin", notEquals = "false")
class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    static final String DEV_PASSWORD = "admin";

    private final AdminAccounts accounts;
    private final AuditLog audit;
    private final String username;
    private final String password;
    private final boolean devMode;

    FirstAdmin(AdminAccounts accounts, AuditLog audit,
            @Nullable @Value("${app.admin.bootstrap.username:}") String username,
            @Nullable @Value("${app.admin.bootstrap.password:}") String password,
            @Value("${app.admin.dev-mode:false}") boolean devMode) {
        this.accounts = accounts;
        this.audit = audit;
        this.username = username == null || username.isBlank() ? "admin" : username;
        this.password = password;
        this.devMode = devMode;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.anyActiveAdmin()) {
            return;
        }
        String initial = password;
        if (initial == null || initial.isBlank()) {
            if (!devMode) {
                LOG.warn("No admin account exists. To create one, set app.admin.bootstrap.username and "
                        + "app.admin.bootstrap.password (env APP_ADMIN_BOOTSTRAP_USERNAME, "
                        + "APP_ADMIN_BOOTSTRAP_PASSWORD) and restart.");
                return;
            }
            initial = DEV_PASSWORD;
            LOG.warn("Dev mode: created admin account '{}' with the password '{}'; do not use dev mode in production",
                    username, DEV_PASSWORD);
        } else if (initial.length() < PasswordHasher.MIN_LENGTH && !devMode) {
            LOG.warn("app.admin.bootstrap.password must have at least {} characters; no admin account was created",
                    PasswordHasher.MIN_LENGTH);
            return;
        }
        AdminAccounts.Outcome outcome = accounts.create(username, Role.ADMIN, initial);
        if (outcome instanceof AdminAccounts.Saved saved) {
            audit.record(null, "CREATE", "admin_user", String.valueOf(saved.account().id()), null, saved.account());
            LOG.info("Created the first admin account '{}' from configuration", saved.account().username());
        } else {
            LOG.warn("Could not create the first admin '{}': the username exists but is not an active admin", username);
        }
    }
}
