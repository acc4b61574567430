package io.chanmarket.admin.auth;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin on start-up when no active admin exists: from {@code app.admin.bootstrap.username} and
 * {@code app.admin.bootstrap.password}; in dev mode ({@code app.admin.dev-mode=true}) falls back to admin/admin;
 * otherwise with a random password printed once to the console (standard output, never the log), which the admin must
 * change at first sign-in.
 */
@Singleton
@Requires(property = "app.roles.admin", notEquals = "false")
class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    static final String DEV_PASSWORD = "admin";
    /** Letters and digits without look-alikes (0/O, 1/l/I), so the printed password is easy to type. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminAccounts accounts;
    private final AuditLog audit;
    private final String username;
    private final String password;
    private final boolean devMode;
    private final PrintStream console;
    private final String signInUrl;

    FirstAdmin(AdminAccounts accounts, AuditLog audit,
            @Nullable @Value("${app.admin.bootstrap.username:}") String username,
            @Nullable @Value("${app.admin.bootstrap.password:}") String password,
            @Value("${app.admin.dev-mode:false}") boolean devMode, @Value("${micronaut.server.port:8080}") int port) {
        this.accounts = accounts;
        this.audit = audit;
        this.username = username == null || username.isBlank() ? "admin" : username;
        this.password = password;
        this.devMode = devMode;
        this.console = System.out; // the console only: never through the logger, so never in log files
        this.signInUrl = port > 0 ? "http://localhost:" + port + "/admin/login" : "/admin/login";
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
                createGenerated();
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

    /** A random password, printed once to the console; the account must change it at first sign-in. */
    private void createGenerated() {
        StringBuilder generated = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            generated.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        AdminAccounts.Outcome outcome = accounts.create(username, Role.ADMIN, generated.toString(), true);
        if (!(outcome instanceof AdminAccounts.Saved saved)) {
            LOG.warn("Could not create the first admin '{}': the username exists but is not an active admin", username);
            return;
        }
        audit.record(null, "CREATE", "admin_user", String.valueOf(saved.account().id()), null, saved.account());
        LOG.info("Created the first admin account '{}' with a generated password, shown once on the console; "
                + "it must be changed at first sign-in", saved.account().username());
        String line = "=".repeat(72);
        console.println();
        console.println(line);
        console.println(" First admin created.  Sign in at " + signInUrl);
        console.println("   username: " + saved.account().username());
        console.println("   password: " + generated);
        console.println(" This password is shown only now. You will be asked to choose a new one");
        console.println(" at first sign-in. (Set APP_ADMIN_BOOTSTRAP_PASSWORD to choose it yourself.)");
        console.println(line);
        console.println();
        console.flush();
    }
}
