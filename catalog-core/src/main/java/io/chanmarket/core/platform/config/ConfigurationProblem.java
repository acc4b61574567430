package io.chanmarket.core.platform.config;

/**
 * A setting that makes start-up impossible. Its message is one line naming the setting, its environment variable and
 * what is wrong, so operators do not need a stack trace.
 */
public final class ConfigurationProblem extends RuntimeException {

    private final String setting;

    public ConfigurationProblem(String setting, String problem) {
        super(setting + " (" + envName(setting) + "): " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The environment variable Micronaut maps onto a dotted setting name. */
    public static String envName(String setting) {
        return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
