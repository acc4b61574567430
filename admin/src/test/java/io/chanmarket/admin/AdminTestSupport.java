package io.chanmarket.admin;

import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.Role;
import io.chanmarket.testing.DatabaseTest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared set-up of the admin HTTP tests: accounts of each role and browsers signed in as them. */
public abstract class AdminTestSupport implements DatabaseTest {

    public static final String PASSWORD = "correct-horse-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected AdminAccounts accounts;

    protected AdminBrowser browser() {
        return new AdminBrowser(server.getURI());
    }

    /** A fresh account with the role, returning its username. */
    protected String anAccount(Role role) {
        String username = role.name().toLowerCase() + "-" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
        accounts.create(username, role, PASSWORD);
        return username;
    }

    protected AdminBrowser signedIn(Role role) {
        return browser().signIn(anAccount(role), PASSWORD);
    }
}
