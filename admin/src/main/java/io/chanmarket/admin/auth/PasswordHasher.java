package io.chanmarket.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** bcrypt hashing of admin passwords. */
@Singleton
public class PasswordHasher {

    /** Minimum length of a new password. */
    public static final int MIN_LENGTH = 8;

    private final int cost;
    private final String dummyHash;

    PasswordHasher(@Value("${app.admin.bcrypt-cost:12}") int cost) {
        this.cost = Math.max(4, Math.min(31, cost));
        this.dummyHash = hash("not-a-real-password");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
    void burn(String password) {
        matches(password, dummyHash);
    }
}
