package io.chanmarket.core.ads.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the model's yes/no answer robustly: case, punctuation, quotes and markdown around it, a leading
 * "Answer:"/"Ответ:", Russian "да"/"нет" and a short explanation after the word are all accepted. An answer that says
 * neither, or both, is no verdict.
 */
final class LlmVerdict {

    private static final Set<String> YES = Set.of("yes", "y", "true", "да", "violates", "violation");
    private static final Set<String> NO = Set.of("no", "n", "false", "нет", "ok", "fine");
    private static final Set<String> PREFIX = Set.of("answer", "ответ", "verdict", "final");

    private LlmVerdict() {
    }

    /** True for yes, false for no, null when the answer is neither. */
    static Boolean parse(String answer) {
        if (answer == null) {
            return null;
        }
        List<String> words = words(answer);
        int first = 0;
        while (first < words.size() && PREFIX.contains(words.get(first))) {
            first++;
        }
        if (first < words.size()) {
            String word = words.get(first);
            if (YES.contains(word)) {
                return true;
            }
            if (NO.contains(word)) {
                return false;
            }
        }
        boolean yes = words.stream().anyMatch(w -> w.equals("yes") || w.equals("да"));
        boolean no = words.stream().anyMatch(w -> w.equals("no") || w.equals("нет"));
        return yes == no ? null : yes;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(ch)) {
                word.append(ch);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
