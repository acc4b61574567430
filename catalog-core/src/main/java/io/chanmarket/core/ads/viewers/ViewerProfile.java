package io.chanmarket.core.ads.viewers;

import io.chanmarket.core.ads.clients.Client;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a Mini App viewer told about themselves for ad targeting; every part is optional (null: not said, which matches
 * only campaigns that do not target that attribute).
 */
public record ViewerProfile(@Nullable Integer age, @Nullable Client.Gender gender, @Nullable String location) {

    public static final int MIN_AGE = 14;
    public static final int MAX_AGE = 120;
    public static final int MAX_LOCATION = 100;
    public static final ViewerProfile UNKNOWN = new ViewerProfile(null, null, null);

    /** Whether every part is within its bounds (null parts always are). */
    public boolean valid() {
        return (age == null || age >= MIN_AGE && age <= MAX_AGE) && (location == null
                || !location.isBlank() && location.length() <= MAX_LOCATION && location.equals(location.strip()));
    }

    /**
     * The profile form as typed: blank means "not set"; {@code errors} names each field that cannot be accepted
     * ({@code age}, {@code gender}, {@code location}) with the reason ({@code range}, {@code number}, {@code choice},
     * {@code length}); {@code profile} is null when there are errors.
     */
    public record Form(String age, String gender, String location, @Nullable ViewerProfile profile,
            Map<String, String> errors) {

        /** The form showing a stored profile. */
        public static Form of(ViewerProfile p) {
            return new Form(p.age() == null ? "" : p.age().toString(),
                    p.gender() == null ? "" : p.gender().name().toLowerCase(Locale.ROOT),
                    p.location() == null ? "" : p.location(), p, Map.of());
        }

        /** Checks the typed fields (age a whole number 14–120, gender male/female, location up to 100 characters). */
        public static Form parse(@Nullable String age, @Nullable String gender, @Nullable String location) {
            String a = age == null ? "" : age.strip();
            String g = gender == null ? "" : gender.strip().toLowerCase(Locale.ROOT);
            String l = location == null ? "" : location.strip();
            Map<String, String> errors = new LinkedHashMap<>();
            Integer parsedAge = null;
            if (!a.isEmpty()) {
                try {
                    parsedAge = Integer.valueOf(a);
                    if (parsedAge < MIN_AGE || parsedAge > MAX_AGE) {
                        errors.put("age", "range");
                    }
                } catch (NumberFormatException e) {
                    errors.put("age", "number");
                }
            }
            Client.Gender parsedGender = switch (g) {
            case "" -> null;
            case "male" -> Client.Gender.MALE;
            case "female" -> Client.Gender.FEMALE;
            default -> {
                errors.put("gender", "choice");
                yield null;
            }
            };
            if (l.length() > MAX_LOCATION) {
                errors.put("location", "length");
            }
            ViewerProfile profile = errors.isEmpty()
                    ? new ViewerProfile(parsedAge, parsedGender, l.isEmpty() ? null : l) : null;
            return new Form(a, g, l, profile, Map.copyOf(errors));
        }
    }
}
