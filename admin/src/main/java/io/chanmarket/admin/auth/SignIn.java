package io.chanmarket.admin.auth;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sign-in, sessions and throttling. A session is an opaque random token (only its hash is stored) with an idle and an
 * absolute expiry and its own CSRF token. Failed sign-ins slow down further attempts with delays that double per
 * failure beyond a few free ones, counted per (username, address) and per address within the window (docs/security.md);
 * an attempt inside its delay gets {@link Throttled} without its password being checked. There is no lock of an
 * account: failures from one address never delay the same account from another address, so nobody can lock the owner
 * out.
 */
@Singleton
@Requires(property = "app.roles.admin", notEquals = "false")
@Transactional
public class SignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Duration lockoutWindow;
    private final int freePairFailures;
    private final int freeAddressFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;

    SignIn(AccountRepository accounts, SessionRepository sessions, PasswordHasher hasher, AuditLog audit,
            @Value("${app.admin.session.idle-timeout:30m}") Duration idleTimeout,
            @Value("${app.admin.session.absolute-timeout:12h}") Duration absoluteTimeout,
            @Value("${app.admin.sign-in.window:15m}") Duration lockoutWindow,
            @Value("${app.admin.sign-in.free-failures-per-user-and-address:3}") int freePairFailures,
            @Value("${app.admin.sign-in.free-failures-per-address:10}") int freeAddressFailures,
            @Value("${app.admin.sign-in.base-delay:1s}") Duration baseDelay,
            @Value("${app.admin.sign-in.max-delay:5m}") Duration maxDelay) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.lockoutWindow = lockoutWindow;
        this.freePairFailures = freePairFailures;
        this.freeAddressFailures = freeAddressFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** What a sign-in attempt led to. */
    public sealed interface Result {
    }

    /** Signed in: put {@code token} into the session cookie. */
    public record Success(String token, AdminPrincipal principal, Duration maxAge) implements Result {
    }

    public record BadCredentials() implements Result {
    }

    /** Too many recent failures: try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Result {
    }

    public Result signIn(String rawUsername, String password, String ip) {
        String username = AdminAccounts.normalize(rawUsername);
        String pass = password == null ? "" : password;
        Duration wait = max(remaining(sessions.pairFailures(username, ip, lockoutWindow), freePairFailures),
                remaining(sessions.addressFailures(ip, lockoutWindow), freeAddressFailures));
        if (!wait.isZero()) {
            return new Throttled(wait);
        }
        Optional<AccountRepository.Stored> stored = accounts.findByUsername(username);
        boolean ok;
        if (stored.isEmpty()) {
            hasher.burn(pass);
            ok = false;
        } else {
            ok = hasher.matches(pass, stored.get().passwordHash()) && stored.get().account().active();
        }
        sessions.recordAttempt(username, ip, ok);
        if (!ok) {
            return new BadCredentials();
        }
        Account account = stored.get().account();
        String token = randomToken();
        String csrf = randomToken();
        sessions.insert(hash(token), account.id(), csrf, Instant.now().plus(absoluteTimeout));
        AdminPrincipal principal = new AdminPrincipal(account.id(), account.username(), account.role(), csrf);
        audit.record(principal, "SIGN_IN", "admin_session", String.valueOf(account.id()), null, null);
        return new Success(token, principal, absoluteTimeout);
    }

    /** The live session for a cookie token; refreshes its idle clock at most once a minute. */
    /** The delay after {@code failures}: none up to the free ones, then base, 2 base, 4 base ... up to the maximum. */
    Duration delayAfter(long failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - free - 1, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Duration remaining(SessionRepository.Failures failures, int free) {
        if (failures.last() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), failures.last().plus(delayAfter(failures.count(), free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public Optional<AdminPrincipal> resume(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        return sessions.findLive(tokenHash, idleTimeout).map(live -> {
            if (live.lastSeenAt().isBefore(Instant.now().minusSeconds(60))) {
                sessions.touch(tokenHash);
            }
            return live.principal();
        });
    }

    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            sessions.delete(hash(token));
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    @Transactional
    void purge() {
        sessions.deleteExpired(idleTimeout);
        sessions.deleteAttemptsBefore(lockoutWindow.multipliedBy(4));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
