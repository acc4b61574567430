package io.chanmarket.webapp.miniapp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The published Telegram test vectors, expiry, and the Ed25519 third-party check. */
class InitDataValidatorTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String TOKEN = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
    private static final String VECTOR = "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%7D&auth_date=1662771648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2";
    private static final String TEST_VECTOR = "auth_date=1650385342&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Test%22%7D&query_id=test&hash=46d2ea5e32911ec8d30999b56247654460c0d20949b6277af519e76271182803";

    private static InitDataValidator firstParty(String token, Duration maxAge, Instant now) {
        return new InitDataValidator(token, null, InitDataValidator.PRODUCTION_KEY, maxAge,
                Clock.fixed(now, ZoneOffset.UTC), JSON);
    }

    private static InitDataValidator noExpiry(String token) {
        return firstParty(token, null, Instant.now());
    }

    @Test
    void theSecretKeyOfThePublishedTokenMatches() {
        assertThat(HexFormat.of().formatHex(InitDataValidator.secretKey(TOKEN)))
                .isEqualTo("a5c609aa52f63cb5e6d8ceb6e4138726ea82bbc36bb786d64482d445ea38ee5f");
    }

    @Test
    void thePublishedVectorIsValidAndDecodesTheUser() throws Exception {
        InitData data = noExpiry(TOKEN).validate(VECTOR);
        assertThat(data.user().id()).isEqualTo(279058397L);
        assertThat(data.user().firstName()).isEqualTo("Vladislav");
        assertThat(data.user().username()).isEqualTo("vdkfrost");
        assertThat(data.user().languageCode()).isEqualTo("ru");
        assertThat(data.user().premium()).isTrue();
        assertThat(data.authDate()).isEqualTo(Instant.ofEpochSecond(1662771648));
    }

    @Test
    void anythingAppendedOrALongerTokenIsInvalid() {
        assertThatThrownBy(() -> noExpiry(TOKEN).validate(VECTOR + "&x=1")).isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> noExpiry(TOKEN).validate(VECTOR + "0")).isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> noExpiry(TOKEN + "x").validate(VECTOR)).isInstanceOf(InvalidInitData.class);
    }

    @Test
    void theTestTokenVectorIsValidOnlyWithItsToken() throws Exception {
        assertThat(noExpiry("42:TEST").validate(TEST_VECTOR).user().id()).isEqualTo(42L);
        assertThatThrownBy(() -> noExpiry("42:INVALID").validate(TEST_VECTOR)).isInstanceOf(InvalidInitData.class);
        String withoutHash = TEST_VECTOR.substring(0, TEST_VECTOR.indexOf("&hash="));
        assertThatThrownBy(() -> noExpiry("42:TEST").validate(withoutHash + "&hash=test"))
                .isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> noExpiry("42:TEST").validate(withoutHash)).isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> noExpiry("42:TEST").validate("")).isInstanceOf(InvalidInitData.class);
    }

    @Test
    void aTamperedUserIsInvalid() {
        String tampered = TEST_VECTOR.replace("%22Test%22", "%22Evil%22");
        assertThatThrownBy(() -> noExpiry("42:TEST").validate(tampered)).isInstanceOf(InvalidInitData.class);
    }

    @Test
    void initDataOlderThanTheMaximumAgeIsRefused() throws Exception {
        Instant signed = Instant.ofEpochSecond(1650385342);
        assertThat(firstParty("42:TEST", Duration.ofHours(24), signed.plus(Duration.ofHours(23))).validate(TEST_VECTOR))
                .isNotNull();
        assertThatThrownBy(() -> firstParty("42:TEST", Duration.ofHours(24), signed.plus(Duration.ofHours(25)))
                .validate(TEST_VECTOR)).isInstanceOf(InvalidInitData.class).hasMessageContaining("expired");
    }

    @Test
    void theThirdPartyEd25519SignatureIsCheckedWithTheBotId() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = keys.getPublic().getEncoded();
        String rawKey = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        String user = "{\"id\":42,\"first_name\":\"Test\"}";
        String lines = "auth_date=1650385342\nquery_id=test\nuser=" + user;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(("12345:WebAppData\n" + lines).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        String raw = "auth_date=1650385342&query_id=test&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&signature=" + signature + "&hash=whatever";
        InitDataValidator thirdParty = new InitDataValidator(null, 12345L, rawKey, null, Clock.systemUTC(), JSON);
        assertThat(thirdParty.validate(raw).user().id()).isEqualTo(42L);
        InitDataValidator otherBot = new InitDataValidator(null, 999L, rawKey, null, Clock.systemUTC(), JSON);
        assertThatThrownBy(() -> otherBot.validate(raw)).isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> thirdParty.validate(raw.replace("query_id=test", "query_id=tost")))
                .isInstanceOf(InvalidInitData.class);
    }

    @Test
    void telegramsPublishedKeysAreUsableEd25519Keys() {
        assertThat(InitDataValidator.publicKey(InitDataValidator.PRODUCTION_KEY).getAlgorithm()).isIn("Ed25519",
                "EdDSA");
        assertThat(InitDataValidator.publicKey(InitDataValidator.TEST_ENVIRONMENT_KEY)).isNotNull();
    }

    @Test
    void malformedEncodingIsInvalidNotAnError() {
        assertThatThrownBy(() -> noExpiry("42:TEST").validate("user=%ZZ&hash=00")).isInstanceOf(InvalidInitData.class);
        assertThatThrownBy(() -> noExpiry("42:TEST").validate("&&&")).isInstanceOf(InvalidInitData.class);
    }

    private static String signed(long authDate, String userJson) {
        return io.chanmarket.webapp.miniapp.SignedInitData
                .sign(java.util.Map.of("auth_date", Long.toString(authDate), "user", userJson), TOKEN);
    }

    @Test
    void initDataFromTheFutureIsRefused() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        InitDataValidator validator = firstParty(TOKEN, Duration.ofHours(24), now);
        String user = "{\"id\":42,\"first_name\":\"A\"}";
        assertThat(validator.validate(signed(now.getEpochSecond() + 30, user)).user().id()).isEqualTo(42L);
        assertThatThrownBy(() -> validator.validate(signed(now.getEpochSecond() + 61, user)))
                .isInstanceOf(InvalidInitData.class).hasMessageContaining("future");
        assertThatThrownBy(() -> validator.validate(signed(Long.MAX_VALUE / 1000, user)))
                .isInstanceOf(InvalidInitData.class);
    }

    @Test
    void userIdsOutsideSigned53BitsAreRefused() throws Exception {
        InitDataValidator validator = noExpiry(TOKEN);
        long now = Instant.now().getEpochSecond();
        assertThat(validator.validate(signed(now, "{\"id\":9007199254740991}")).user().id())
                .isEqualTo(9007199254740991L);
        for (String id : new String[] { "9223372036854775808", "9007199254740992", "-9007199254740992", "1.5",
                "\"42\"" }) {
            assertThatThrownBy(() -> validator.validate(signed(now, "{\"id\":" + id + "}"))).as(id)
                    .isInstanceOf(InvalidInitData.class);
        }
    }

    @Test
    void namesWithNulOrBrokenSurrogatesAreCleaned() throws Exception {
        InitData data = noExpiry(TOKEN).validate(signed(Instant.now().getEpochSecond(),
                "{\"id\":7,\"first_name\":\"Ev\\u0000e\\ud800\",\"last_name\":\"\\udc00X\",\"username\":\"e\\u0000\"}"));
        assertThat(data.user().firstName()).isEqualTo("Eve");
        assertThat(data.user().lastName()).isEqualTo("X");
        assertThat(data.user().username()).isEqualTo("e");
    }
}
