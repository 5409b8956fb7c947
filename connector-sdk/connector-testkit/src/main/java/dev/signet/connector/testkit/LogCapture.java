package dev.signet.connector.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Captures everything a connector writes while it runs, at every level: SLF4J through Logback, java.util.logging
 * (which {@link System.Logger} uses by default), and System.out and System.err. Output still reaches the console.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     connector.checkPassword("ann", Password.of("secret"));
 *     assertThat(logs.text()).doesNotContain("secret");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final StringBuffer text;
    private final Runnable restore;

    private LogCapture(StringBuffer text, Runnable restore) {
        this.text = text;
        this.restore = restore;
    }

    /** How much detail to open every logger to while capturing. */
    public enum Detail {
        /** SLF4J DEBUG, java.util.logging FINE: what an operator turns on to troubleshoot. */
        DEBUG(Level.DEBUG, java.util.logging.Level.FINE),
        /** Everything, down to SLF4J TRACE and java.util.logging FINEST (wire traces of drivers included). */
        TRACE(Level.ALL, java.util.logging.Level.ALL);

        private final Level logback;
        private final java.util.logging.Level jul;

        Detail(Level logback, java.util.logging.Level jul) {
            this.logback = logback;
            this.jul = jul;
        }
    }

    /** Starts capturing everything, every logger opened to its most detailed level until {@link #close()}. */
    public static LogCapture start() {
        return start(Detail.TRACE);
    }

    /** Starts capturing, every logger opened to {@code detail} until {@link #close()}. */
    public static LogCapture start(Detail detail) {
        StringBuffer text = new StringBuffer();
        Runnable restoreLogback = captureLogback(text, detail.logback);
        Runnable restoreJul = captureJul(text, detail.jul);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(tee(out, text));
        System.setErr(tee(err, text));
        return new LogCapture(text, () -> {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
            restoreJul.run();
            restoreLogback.run();
        });
    }

    /** Everything captured so far. */
    public String text() {
        return text.toString();
    }

    /** Stops capturing and restores the loggers' levels and the standard streams. */
    @Override
    public void close() {
        restore.run();
    }

    private static Runnable captureLogback(StringBuffer buffer, Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> {
            };
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        java.util.Map<Logger, Level> levels = new java.util.HashMap<>();
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            if (logger != root) {
                logger.setLevel(null); // inherit the capture level from the root while capturing
            }
        }
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ')
                        .append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
                if (event.getKeyValuePairs() != null) {
                    event.getKeyValuePairs().forEach(pair -> line.append(' ').append(pair.key).append('=')
                            .append(pair.value));
                }
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    line.append("\n").append(cause.getClassName()).append(": ").append(cause.getMessage());
                    for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                        line.append("\n\t").append(frame.getSTEAsString());
                    }
                }
                buffer.append(line).append('\n');
            }
        };
        appender.setContext(context);
        appender.setName("signet-connector-testkit");
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
        return () -> {
            root.detachAppender(appender);
            appender.stop();
            levels.forEach(Logger::setLevel);
            root.setLevel(rootLevel);
        };
    }

    private static Runnable captureJul(StringBuffer buffer, java.util.logging.Level level) {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        java.util.logging.Level rootLevel = root.getLevel();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter line = new StringWriter().append(String.valueOf(record.getLevel())).append(' ')
                        .append(String.valueOf(record.getLoggerName())).append(' ')
                        .append(new java.util.logging.SimpleFormatter().formatMessage(record));
                if (record.getThrown() != null) {
                    java.io.PrintWriter writer = new java.io.PrintWriter(line);
                    record.getThrown().printStackTrace(writer);
                    writer.flush();
                }
                buffer.append(line).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        return () -> {
            root.removeHandler(handler);
            root.setLevel(rootLevel);
        };
    }

    private static PrintStream tee(PrintStream original, StringBuffer buffer) {
        OutputStream both = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                line.write(b);
                if (b == '\n') {
                    buffer.append(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
            }

            @Override
            public synchronized void flush() {
                original.flush();
                buffer.append(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
