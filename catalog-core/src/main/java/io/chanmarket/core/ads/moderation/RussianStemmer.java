package io.chanmarket.core.ads.moderation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Snowball Russian stemmer (Porter's algorithm for Russian) on lower-case Cyrillic words with ё already written as
 * е: removes the longest inflectional ending (perfective gerund; else reflexive, then adjectival, verb or noun), a
 * final и, the derivational ость, a superlative, a doubled н and a soft sign, each only inside its region.
 */
final class RussianStemmer {

    private static final String VOWELS = "аеиоуыэюя";
    private static final String[] GERUND_1 = sorted("в", "вши", "вшись");
    private static final String[] GERUND_2 = sorted("ив", "ивши", "ившись", "ыв", "ывши", "ывшись");
    private static final String[] REFLEXIVE = sorted("ся", "сь");
    private static final String[] ADJECTIVE = sorted("ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем",
            "им", "ым", "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею");
    private static final String[] PARTICIPLE_1 = sorted("ем", "нн", "вш", "ющ", "щ");
    private static final String[] PARTICIPLE_2 = sorted("ивш", "ывш", "ующ");
    private static final String[] VERB_1 = sorted("ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет",
            "ют", "ны", "ть", "ешь", "нно");
    private static final String[] VERB_2 = sorted("ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй",
            "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть",
            "ишь", "ую", "ю");
    private static final String[] NOUN = sorted("а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и",
            "ией", "ей", "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь",
            "ию", "ью", "ю", "ия", "ья", "я");
    private static final String[] SUPERLATIVE = sorted("ейше", "ейш");

    private RussianStemmer() {
    }

    static String stem(String word) {
        int rv = rv(word);
        if (rv < 0) {
            return word;
        }
        String prefix = word.substring(0, rv);
        String rest = word.substring(rv);
        int r2 = Math.max(0, r2(word) - rv);

        String s = removeAfterAOrYa(rest, GERUND_1);
        if (s == null) {
            s = remove(rest, GERUND_2);
        }
        if (s == null) {
            String r = remove(rest, REFLEXIVE);
            rest = r == null ? rest : r;
            s = adjectival(rest);
            if (s == null) {
                s = removeAfterAOrYa(rest, VERB_1);
                if (s == null) {
                    s = remove(rest, VERB_2);
                }
            }
            if (s == null) {
                s = remove(rest, NOUN);
            }
            if (s == null) {
                s = rest;
            }
        }
        if (s.endsWith("и")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String d : new String[] { "ость", "ост" }) {
            if (s.endsWith(d) && s.length() - d.length() >= r2) {
                s = s.substring(0, s.length() - d.length());
                break;
            }
        }
        if (s.endsWith("нн")) {
            s = s.substring(0, s.length() - 1);
        } else {
            String sup = remove(s, SUPERLATIVE);
            if (sup != null) {
                s = sup.endsWith("нн") ? sup.substring(0, sup.length() - 1) : sup;
            } else if (s.endsWith("ь")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return prefix + s;
    }

    private static String adjectival(String rest) {
        String s = remove(rest, ADJECTIVE);
        if (s == null) {
            return null;
        }
        String p = removeAfterAOrYa(s, PARTICIPLE_1);
        if (p == null) {
            p = remove(s, PARTICIPLE_2);
        }
        return p == null ? s : p;
    }

    private static String remove(String s, String[] endings) {
        for (String e : endings) {
            if (s.endsWith(e)) {
                return s.substring(0, s.length() - e.length());
            }
        }
        return null;
    }

    private static String removeAfterAOrYa(String s, String[] endings) {
        for (String e : endings) {
            if (s.endsWith(e) && s.length() > e.length()) {
                char before = s.charAt(s.length() - e.length() - 1);
                if (before == 'а' || before == 'я') {
                    return s.substring(0, s.length() - e.length());
                }
            }
        }
        return null;
    }

    /** Start of RV: after the first vowel; -1 without vowels. */
    private static int rv(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (VOWELS.indexOf(w.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int r1(String w, int from) {
        for (int i = from + 1; i < w.length(); i++) {
            if (VOWELS.indexOf(w.charAt(i)) < 0 && VOWELS.indexOf(w.charAt(i - 1)) >= 0) {
                return i + 1;
            }
        }
        return w.length();
    }

    private static int r2(String w) {
        return r1(w, r1(w, 0));
    }

    private static String[] sorted(String... endings) {
        String[] copy = endings.clone();
        Arrays.sort(copy, Comparator.comparingInt(String::length).reversed());
        return copy;
    }
}
