package io.chanmarket.bot.advertiser;

import io.chanmarket.core.ads.campaigns.Campaign;
import io.chanmarket.core.ads.campaigns.CampaignDraft;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign fields the chat asks for, in the order of the step-by-step creation. Each checks the user's answer and
 * keeps it as a string; {@code -} clears an optional field (no restriction).
 */
enum CampaignField {
    TITLE(Kind.TEXT, false), TEXT(Kind.TEXT, false), IMPRESSIONS_LIMIT(Kind.COUNT, false),
    CLICKS_LIMIT(Kind.COUNT, false), COST_PER_IMPRESSION(Kind.MONEY, false), COST_PER_CLICK(Kind.MONEY, false),
    START_DATE(Kind.DAY, false), END_DATE(Kind.DAY, false), GENDER(Kind.GENDER, true), AGE_FROM(Kind.AGE, true),
    AGE_TO(Kind.AGE, true), LOCATION(Kind.TEXT, true);

    enum Kind {
        TEXT, COUNT, MONEY, DAY, GENDER, AGE
    }

    /** The answer could not be used; {@code key} names the explanation in the bundles. */
    static final class BadInput extends Exception {
        final String key;

        BadInput(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    static final int MAX_TEXT = 4096;

    final Kind kind;
    final boolean optional;

    CampaignField(Kind kind, boolean optional) {
        this.kind = kind;
        this.optional = optional;
    }

    /** The bundle key of the question for this field. */
    String questionKey() {
        return "field." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".ask";
    }

    /** The bundle key of this field's name. */
    String nameKey() {
        return "field." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".name";
    }

    /** Checks an answer: the value to keep, or null for "no restriction". */
    String parse(String input) throws BadInput {
        String value = input == null ? "" : input.strip();
        if (optional && "-".equals(value)) {
            return null;
        }
        switch (kind) {
        case TEXT:
            if (value.isEmpty() || value.length() > MAX_TEXT) {
                throw new BadInput("input.text");
            }
            return value;
        case COUNT:
            return String.valueOf(integer(value, 0, 1_000_000_000, "input.count"));
        case AGE:
            return String.valueOf(integer(value, 0, 150, "input.age"));
        case DAY:
            return String.valueOf(integer(value, 0, 1_000_000, "input.day"));
        case MONEY:
            try {
                double money = Double.parseDouble(value.replace(',', '.'));
                if (!Double.isFinite(money) || money < 0 || money > 1e12) {
                    throw new BadInput("input.money");
                }
                return String.valueOf(money);
            } catch (NumberFormatException e) {
                throw new BadInput("input.money");
            }
        case GENDER:
            String gender = value.toUpperCase(Locale.ROOT);
            if (!gender.equals("MALE") && !gender.equals("FEMALE") && !gender.equals("ALL")) {
                throw new BadInput("input.gender");
            }
            return gender;
        default:
            throw new IllegalStateException(kind.name());
        }
    }

    private static int integer(String value, int min, int max, String key) throws BadInput {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new BadInput(key);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadInput(key);
        }
    }

    /** The fields of a campaign as answers. */
    static Map<String, String> answers(Campaign c) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(TITLE.name(), c.adTitle());
        answers.put(TEXT.name(), c.adText());
        answers.put(IMPRESSIONS_LIMIT.name(), String.valueOf(c.impressionsLimit()));
        answers.put(CLICKS_LIMIT.name(), String.valueOf(c.clicksLimit()));
        answers.put(COST_PER_IMPRESSION.name(), String.valueOf(c.costPerImpression()));
        answers.put(COST_PER_CLICK.name(), String.valueOf(c.costPerClick()));
        answers.put(START_DATE.name(), String.valueOf(c.startDate()));
        answers.put(END_DATE.name(), String.valueOf(c.endDate()));
        putIfSet(answers, GENDER, c.targeting().gender());
        putIfSet(answers, AGE_FROM, c.targeting().ageFrom());
        putIfSet(answers, AGE_TO, c.targeting().ageTo());
        putIfSet(answers, LOCATION, c.targeting().location());
        return answers;
    }

    /** The engine's draft from collected answers. */
    static CampaignDraft draft(Map<String, String> a) {
        return new CampaignDraft(integer(a, IMPRESSIONS_LIMIT), integer(a, CLICKS_LIMIT), money(a, COST_PER_IMPRESSION),
                money(a, COST_PER_CLICK), a.get(TITLE.name()), a.get(TEXT.name()), integer(a, START_DATE),
                integer(a, END_DATE), new CampaignDraft.TargetingDraft(a.get(GENDER.name()), integer(a, AGE_FROM),
                        integer(a, AGE_TO), a.get(LOCATION.name())));
    }

    private static void putIfSet(Map<String, String> answers, CampaignField field, Object value) {
        if (value != null) {
            answers.put(field.name(), String.valueOf(value));
        }
    }

    private static Integer integer(Map<String, String> a, CampaignField field) {
        String value = a.get(field.name());
        return value == null ? null : Integer.valueOf(value);
    }

    private static Double money(Map<String, String> a, CampaignField field) {
        String value = a.get(field.name());
        return value == null ? null : Double.valueOf(value);
    }
}
