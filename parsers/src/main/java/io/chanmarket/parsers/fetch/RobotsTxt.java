package io.chanmarket.parsers.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for our user agent: the group naming our product token, else the {@code *} group. Longest
 * matching rule wins, Allow on a tie; {@code *} and {@code $} are understood. Crawl-delay is kept so the fetcher can
 * wait longer than its own minimum when a host asks for it.
 */
record RobotsTxt(List<Rule> rules, Duration crawlDelay) {

    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);

    record Rule(boolean allow, String pattern) {
    }

    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().isEmpty() || !matches(rule.pattern(), pathAndQuery)) {
                continue;
            }
            if (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    static RobotsTxt parse(String text, String userAgent) {
        String token = userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
        List<Rule> ours = null;
        List<Rule> star = null;
        Duration oursDelay = null;
        Duration starDelay = null;
        List<String> agents = new ArrayList<>();
        List<Rule> current = new ArrayList<>();
        Duration currentDelay = null;
        boolean inRules = false;
        for (String raw : (text + "\nuser-agent: __end__").split("\\r?\\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    for (String agent : agents) {
                        if (agent.equals("*") && star == null) {
                            star = current;
                            starDelay = currentDelay;
                        } else if (!agent.equals("*") && token.contains(agent) && ours == null) {
                            ours = current;
                            oursDelay = currentDelay;
                        }
                    }
                    agents = new ArrayList<>();
                    current = new ArrayList<>();
                    currentDelay = null;
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                current.add(new Rule(key.equals("allow"), value));
            } else if (key.equals("crawl-delay")) {
                inRules = true;
                try {
                    currentDelay = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                } catch (NumberFormatException e) {
                    // an unreadable crawl-delay is ignored; our own minimum delay still applies
                }
            }
        }
        if (ours != null) {
            return new RobotsTxt(ours, oursDelay);
        }
        return star == null ? ALLOW_ALL : new RobotsTxt(star, starDelay);
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String regex = java.util.Arrays.stream(p.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return java.util.regex.Pattern.compile(regex + (anchored ? "" : ".*"), java.util.regex.Pattern.DOTALL)
                .matcher(path).matches();
    }
}
