package io.chanmarket.webapp.miniapp.auth;

import io.chanmarket.core.users.TelegramUser;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/** Validated Telegram initData: the decoded fields, the user, when Telegram signed it, and the start parameter. */
public record InitData(Map<String, String> fields, TelegramUser user, Instant authDate, @Nullable String startParam) {
}
