package io.chanmarket.core.catalog.demo;

import io.chanmarket.core.catalog.channels.ChannelNumbers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated demo data: Russian-language categories and channels with plausible numbers, reviews and ad examples, so a
 * fresh installation shows a full Mini App. Every row is marked {@code is_demo}, every description says it is demo
 * data, and every username starts with {@code demo_}. Deterministic: the same data on every installation.
 */
@Singleton
public class DemoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
    private static final long LOCK = 0x636d64656d6fL; // "cmdemo": one node seeds at a time

    record Topic(String slug, String nameRu, String nameEn, List<String> titles) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("news", "Новости", "News",
                    List.of("Главное за день", "Сводка дня", "Картина дня", "Вечерний выпуск", "Прямая речь",
                            "Хроника событий", "Пульс страны", "Новости за минуту", "Коротко и по делу", "Лента фактов",
                            "Что случилось", "Утренний брифинг")),
            new Topic("business", "Бизнес и стартапы", "Business & startups",
                    List.of("Стартап-кухня", "Деньги и дело", "Малый бизнес", "Кейсы основателей", "Бизнес-завтрак",
                            "Венчурный вестник", "Франшизы без воды", "Свое дело", "Управленец",
                            "Продажи на практике")),
            new Topic("tech", "Технологии", "Technology",
                    List.of("Код и кофе", "Железо и гаджеты", "Нейросети сегодня", "Айтишник на удалёнке",
                            "Java по-русски", "Облачные истории", "Linux для всех", "Продуктовый ИТ",
                            "Разбор смартфонов", "Будущее рядом", "Кибербез простыми словами")),
            new Topic("crypto", "Криптовалюты", "Crypto",
                    List.of("Крипто-утро", "Биткоин-дайджест", "DeFi без паники", "Блокчейн-разбор", "Альткоин-радар",
                            "Майнинг-клуб", "Токены и рынки", "Крипто-аналитика")),
            new Topic("marketing", "Маркетинг", "Marketing",
                    List.of("Таргет и цифры", "SMM-лаборатория", "Контент-завод", "Маркетинг без бюджета",
                            "Реклама в Telegram", "Бренд-менеджер", "Воронки продаж", "Копирайтинг сегодня",
                            "Аналитика рекламы")),
            new Topic("education", "Образование", "Education",
                    List.of("Английский за 5 минут", "Учим историю", "Математика с нуля", "Школа программиста",
                            "Физика вокруг нас", "Учёба за границей", "Книжный клуб", "Лекторий",
                            "Экзамены без стресса", "Русский язык каждый день")),
            new Topic("humor", "Юмор", "Humor",
                    List.of("Смешно до слёз", "Мемы дня", "Офисный юмор", "Анекдоты.ру", "Котики и мемы",
                            "Ирония судьбы", "Жизненно", "Ржака каждый день")),
            new Topic("travel", "Путешествия", "Travel",
                    List.of("Куда поехать", "Дешёвые билеты", "Путешествия по России", "Горы и тропы", "Гид по Азии",
                            "Выходные в дороге", "Визы и границы", "Отели и скидки")),
            new Topic("food", "Еда и рецепты", "Food & recipes",
                    List.of("Рецепты на каждый день", "Быстрый ужин", "Выпечка дома", "ПП-меню", "Кухни мира",
                            "Готовим с детьми", "Гастрономические заметки")),
            new Topic("psychology", "Психология", "Psychology",
                    List.of("Психолог рядом", "Отношения и мы", "Спокойствие", "Саморазвитие", "Мозг и привычки",
                            "Детская психология", "Осознанность")),
            new Topic("design", "Дизайн", "Design", List.of("Дизайн интерфейсов", "Шрифты и сетки", "Интерьер мечты")));

    private static final String[] COUNTRIES = { "Россия", "Россия", "Россия", "Россия", "Казахстан", "Беларусь",
            "Узбекистан" };
    private static final String[] AGES = { "18-24", "25-34", "25-34", "35-44", "45-54" };
    private static final String[] REVIEWERS = { "Анна, SMM-агентство", "Игорь, интернет-магазин", "Мария, онлайн-школа",
            "Дмитрий, мобильное приложение", "Ольга, маркетолог" };
    private static final String[] REVIEWS = { "Пост вышел вовремя, охват совпал с заявленным.",
            "Хорошая вовлечённость, окупили размещение за неделю.", "Менеджер быстро ответил, всё прозрачно.",
            "Охват чуть ниже ожидаемого, но заявки пришли.", "Работаем повторно, аудитория тёплая." };
    private static final String[] AD_TITLES = { "Курс по интернет-маркетингу", "Доставка продуктов за 30 минут",
            "Приложение для изучения языков", "Скидка 20% на первый заказ", "Вебинар для предпринимателей" };

    private final JdbcOperations jdbc;

    DemoCatalog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fills the catalog with demo data when it has no categories yet.
     *
     * @return the number of channels created (0 when the catalog was not empty)
     */
    @Transactional
    public int seedIfEmpty() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
            ps.setLong(1, LOCK);
            return ps.execute();
        });
        boolean empty = jdbc.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM category)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        if (!empty) {
            return 0;
        }
        Random random = new Random(20261121L);
        int channels = 0;
        int order = 0;
        for (Topic topic : TOPICS) {
            long categoryId = insertCategory(topic, order += 10);
            int n = 0;
            for (String title : topic.titles()) {
                insertChannel(categoryId, topic, title, ++n, random);
                channels++;
            }
        }
        LOG.info("Demo data: {} categories and {} channels created (marked is_demo)", TOPICS.size(), channels);
        return channels;
    }

    private long insertCategory(Topic topic, int order) {
        return jdbc.prepareStatement("INSERT INTO category (slug, name_ru, name_en, sort_order, is_demo)"
                + " VALUES (?, ?, ?, ?, TRUE) RETURNING id", ps -> {
                    ps.setString(1, "demo-" + topic.slug());
                    ps.setString(2, topic.nameRu());
                    ps.setString(3, topic.nameEn());
                    ps.setInt(4, order);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    private void insertChannel(long categoryId, Topic topic, String title, int n, Random random) {
        String username = "demo_" + topic.slug() + "_" + n;
        long subscribers = Math.round(Math.pow(10, 3.5 + random.nextDouble() * 2.6));
        long reach = Math.round(subscribers * (0.08 + random.nextDouble() * 0.3));
        BigDecimal err = BigDecimal.valueOf(reach * 100.0 / subscribers).setScale(2, RoundingMode.HALF_UP);
        long adReach24 = Math.round(reach * (0.7 + random.nextDouble() * 0.25));
        BigDecimal price = BigDecimal
                .valueOf(Math.max(500, Math.round(adReach24 * (150 + random.nextInt(700)) / 1000.0 / 500.0) * 500L));
        BigDecimal male = BigDecimal.valueOf(25 + random.nextInt(55));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        double mainShare = 60 + random.nextInt(30);
        String geo = String.format(Locale.ROOT, "[{\"name\":\"%s\",\"pct\":%.1f},{\"name\":\"%s\",\"pct\":%.1f}]",
                country, mainShare, "Россия".equals(country) ? "Казахстан" : "Россия", (100 - mainShare) * 0.6);
        long channelId = jdbc.prepareStatement("""
                INSERT INTO channel (category_id, username, title, description, tg_link, tgstat_url, telemetr_url,
                    language, country, price_rub, audience_age, gender_male_pct, gender_female_pct, geo_split,
                    subscribers, avg_reach, ad_reach_24h, err_pct, cpm_rub, verified, metrics_updated_at, is_demo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, now(), TRUE)
                RETURNING id
                """, ps -> {
            ps.setLong(1, categoryId);
            ps.setString(2, username);
            ps.setString(3, title);
            ps.setString(4, title + " — канал о теме «" + topic.nameRu() + "». Демо-данные: канал сгенерирован"
                    + " для показа приложения и не существует в Telegram.");
            ps.setString(5, "https://t.me/" + username);
            ps.setString(6, "https://tgstat.ru/channel/@" + username);
            ps.setString(7, "https://telemetr.me/@" + username);
            ps.setString(8, random.nextInt(10) == 0 ? "en" : "ru");
            ps.setString(9, country);
            ps.setBigDecimal(10, price);
            ps.setString(11, AGES[random.nextInt(AGES.length)]);
            ps.setBigDecimal(12, male);
            ps.setBigDecimal(13, BigDecimal.valueOf(100).subtract(male));
            ps.setString(14, geo);
            ps.setLong(15, subscribers);
            ps.setLong(16, reach);
            ps.setLong(17, adReach24);
            ps.setBigDecimal(18, err);
            ps.setBigDecimal(19, ChannelNumbers.cpm(price, adReach24).orElse(null));
            ps.setBoolean(20, random.nextInt(3) == 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int reviews = random.nextInt(4);
        for (int i = 0; i < reviews; i++) {
            int pick = random.nextInt(REVIEWS.length);
            jdbc.prepareStatement("INSERT INTO channel_review (channel_id, author, text, rating) VALUES (?, ?, ?, ?)",
                    ps -> {
                        ps.setLong(1, channelId);
                        ps.setString(2, REVIEWERS[pick]);
                        ps.setString(3, REVIEWS[pick]);
                        ps.setInt(4, 3 + random.nextInt(3));
                        return ps.executeUpdate();
                    });
        }
        int examples = random.nextInt(3);
        for (int i = 0; i < examples; i++) {
            int pick = random.nextInt(AD_TITLES.length);
            jdbc.prepareStatement("INSERT INTO channel_ad_example (channel_id, title, post_url) VALUES (?, ?, ?)",
                    ps -> {
                        ps.setLong(1, channelId);
                        ps.setString(2, AD_TITLES[pick]);
                        ps.setString(3, "https://t.me/" + username + "/" + (100 + random.nextInt(900)));
                        return ps.executeUpdate();
                    });
        }
    }
}
