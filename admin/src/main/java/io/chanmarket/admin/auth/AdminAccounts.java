package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admin-panel accounts: the API the users pages and the bootstrap use. Changing an account ends its sessions, so a
 * demoted or deactivated account loses access at once. Callers audit.
 */
@Singleton
@Transactional
public class AdminAccounts {

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;

    AdminAccounts(AccountRepository accounts, SessionRepository sessions, PasswordHasher hasher) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
    }

    /** What saving an account led to. */
    public sealed interface Outcome {
    }

    public record Saved(Account account) implements Outcome {
    }

    /** Someone else changed the account since the form was opened. */
    public record Stale(Account current) implements Outcome {
    }

    public record UsernameTaken() implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** The change would leave no active admin. */
    public record LastAdmin() implements Outcome {
    }

    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public List<Account> list() {
        return accounts.list();
    }

    public Optional<Account> find(long id) {
        return accounts.findById(id).map(AccountRepository.Stored::account);
    }

    public boolean anyActiveAdmin() {
        return accounts.anyActiveAdmin();
    }

    public Outcome create(String username, Role role, String password) {
        return create(username, role, password, false);
    }

    /** Creates an account; {@code mustChangePassword}: it must choose a new password at first sign-in. */
    public Outcome create(String username, Role role, String password, boolean mustChangePassword) {
        Optional<Long> id = accounts.insert(normalize(username), role, hasher.hash(password), mustChangePassword);
        if (id.isEmpty()) {
            return new UsernameTaken();
        }
        return new Saved(find(id.get()).orElseThrow());
    }

    /** What changing one's own password led to. */
    public enum PasswordChange {
        CHANGED, WRONG_CURRENT, TOO_SHORT, SAME_AS_CURRENT, MISMATCH
    }

    /**
     * The signed-in account changes its own password: the current one must match, the new one must be long enough,
     * differ from it and be typed twice alike. Ends the account's other sessions; the caller's stays.
     */
    public PasswordChange changeOwnPassword(long id, String currentSessionTokenHash, String current, String next,
            String repeated) {
        AccountRepository.Stored stored = accounts.findById(id).orElse(null);
        if (stored == null || current == null || !hasher.matches(current, stored.passwordHash())) {
            return PasswordChange.WRONG_CURRENT;
        }
        if (next == null || next.length() < PasswordHasher.MIN_LENGTH) {
            return PasswordChange.TOO_SHORT;
        }
        if (!next.equals(repeated)) {
            return PasswordChange.MISMATCH;
        }
        if (next.equals(current)) {
            return PasswordChange.SAME_AS_CURRENT;
        }
        accounts.changePassword(id, hasher.hash(next));
        sessions.deleteOtherSessions(id, currentSessionTokenHash);
        return PasswordChange.CHANGED;
    }

    /** Changes role and active flag, and the password when {@code newPassword} is not blank. */
    public Outcome update(long id, long expectedVersion, Role role, boolean active, String newPassword) {
        Optional<Account> before = find(id);
        if (before.isEmpty()) {
            return new NotFound();
        }
        Account current = before.get();
        boolean losesAdmin = current.role() == Role.ADMIN && current.active() && (role != Role.ADMIN || !active);
        if (losesAdmin && accounts.countActiveAdmins() <= 1) {
            return new LastAdmin();
        }
        String hash = newPassword == null || newPassword.isBlank() ? null : hasher.hash(newPassword);
        if (!accounts.update(id, expectedVersion, role, active, hash)) {
            return new Stale(current);
        }
        sessions.deleteForUser(id);
        return new Saved(find(id).orElseThrow());
    }
}
