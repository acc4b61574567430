package io.chanmarket.bot.mailing;

import io.micronaut.context.ApplicationContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the application context with the mailing sender in a separate JVM, so tests can kill it abruptly (SIGKILL) in
 * the middle of a mailing. {@link #main} takes the settings as {@code key=value} arguments.
 */
public final class SenderProcess {

    private SenderProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            props.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        ApplicationContext context = ApplicationContext.run(props, "test");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        System.out.println("sender started: " + context.getBean(MailingSender.class));
        Thread.currentThread().join();
    }

    /** Starts a sender JVM with this JVM's class path and {@code settings}; its output goes to {@code log}. */
    public static Process start(Map<String, String> settings, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), SenderProcess.class.getName()));
        settings.forEach((k, v) -> command.add(k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Where sender logs go: the module's {@code target} folder. */
    public static Path logFile(String name) {
        File target = new File("target");
        target.mkdirs();
        return new File(target, name).toPath();
    }
}
