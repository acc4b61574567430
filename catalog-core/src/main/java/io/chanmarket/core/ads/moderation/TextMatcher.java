package io.chanmarket.core.ads.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a text into the stems a blacklist is matched on, defeating the usual evasions:
 * <ul>
 * <li>case: everything is lower-cased, ё is е;</li>
 * <li>Latin look-alikes and digits written for Cyrillic letters: {@code a c e o p x y k m t b h H N u r} and
 * {@code 0 3 4 6} become {@code а с е о р х у к м т в н н и и г} and {@code о з ч б} (so {@code KA3NHO} is
 * {@code казино});</li>
 * <li>separators between letters: three or more one-letter words in a row are one word ({@code к.а.з.и.н.о},
 * {@code к а з и н о});</li>
 * <li>repeated letters: a run of one letter counts once ({@code кааазино});</li>
 * <li>word forms: every word is reduced to its stem by the Snowball Russian stemmer, and a blacklisted stem of four or
 * more letters also matches longer stems that start with it ({@code казиношки}, {@code казино-клуб}).</li>
 * </ul>
 * A blacklisted phrase of several words matches those stems in a row. Not handled: words split inside
 * ({@code ка зино}), transliteration ({@code kazino}) and synonyms.
 */
final class TextMatcher {

    /** Look-alikes by exact character (case matters for N, H, B and b). */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(Map.entry('a', 'а'), Map.entry('A', 'а'),
            Map.entry('c', 'с'), Map.entry('C', 'с'), Map.entry('e', 'е'), Map.entry('E', 'е'), Map.entry('o', 'о'),
            Map.entry('O', 'о'), Map.entry('p', 'р'), Map.entry('P', 'р'), Map.entry('x', 'х'), Map.entry('X', 'х'),
            Map.entry('y', 'у'), Map.entry('Y', 'у'), Map.entry('k', 'к'), Map.entry('K', 'к'), Map.entry('m', 'м'),
            Map.entry('M', 'м'), Map.entry('t', 'т'), Map.entry('T', 'т'), Map.entry('B', 'в'), Map.entry('b', 'в'),
            Map.entry('H', 'н'), Map.entry('h', 'н'), Map.entry('N', 'и'), Map.entry('u', 'и'), Map.entry('U', 'и'),
            Map.entry('r', 'г'), Map.entry('ё', 'е'), Map.entry('Ё', 'е'), Map.entry('0', 'о'), Map.entry('3', 'з'),
            Map.entry('4', 'ч'), Map.entry('6', 'б'), Map.entry('@', 'а'));

    /** The shortest blacklisted stem that also matches as a prefix of a longer stem. */
    static final int PREFIX_MIN = 4;

    private TextMatcher() {
    }

    /** The stems of {@code text}, in order. */
    static List<String> stems(String text) {
        List<String> words = words(text);
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            stems.add(RussianStemmer.stem(collapseRepeats(word)));
        }
        return stems;
    }

    /** Whether {@code text} stems contain {@code phrase} stems in a row. */
    static boolean contains(List<String> text, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = matches(text.get(i + j), phrase.get(j));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String word, String banned) {
        return word.equals(banned) || banned.length() >= PREFIX_MIN && word.startsWith(banned);
    }

    private static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char raw = text.charAt(i);
            Character mapped = LOOK_ALIKES.get(raw);
            char c = mapped != null ? mapped : Character.toLowerCase(raw);
            if (Character.isLetter(c)) {
                current.append(c);
            } else if (!current.isEmpty()) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1) {
                j++;
            }
            if (j - i >= 3) {
                words.add(String.join("", tokens.subList(i, j)));
                i = j;
            } else {
                words.add(tokens.get(i).toLowerCase(Locale.ROOT));
                i++;
            }
        }
        return words;
    }

    private static String collapseRepeats(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }
}
