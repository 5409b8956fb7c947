package dev.signet.simulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator from the command line, for trying a service by hand or running it beside one:
 *
 * <pre>
 * java -jar signet-simulator-cli.jar --port 9090 --config users.yml [--host localhost] [--user-picker]
 * </pre>
 *
 * Prints the issuer and runs until stopped (Ctrl+C).
 */
public final class SimulatorMain {

    static final String USAGE = """
            Usage: java -jar signet-simulator-cli.jar [--port PORT] [--config FILE.yml|FILE.json] [--host HOST]
                                                      [--user-picker]
              --port         port to listen on (default 0: any free port)
              --config       users, clients, sign-in-as, vot, login-mode (YAML or JSON; see the README)
              --host         host name in the issuer (default localhost; another name listens on every interface)
              --user-picker  show a page to choose the user, instead of signing in the configured one at once
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        SignetSimulator simulator;
        try {
            simulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "signet-simulator-stop"));
        stopped.await();
    }

    /**
     * Starts a simulator from command-line arguments and prints its issuer to {@code out}.
     *
     * @throws IllegalArgumentException naming a wrong argument or configuration setting
     */
    public static SignetSimulator start(String[] args, PrintStream out) {
        SignetSimulator.Builder builder = SignetSimulator.builder();
        Integer port = null;
        String host = null;
        boolean userPicker = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--config" -> {
                    Path file = Path.of(value(args, ++i, "--config"));
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("No configuration file " + file);
                    }
                    builder.configFile(file);
                }
                case "--host" -> host = value(args, ++i, "--host");
                case "--user-picker" -> userPicker = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        // Command-line arguments win over the file, whatever their order.
        if (port != null) {
            builder.port(port);
        }
        if (host != null) {
            builder.host(host);
        }
        if (userPicker) {
            builder.loginMode(LoginMode.USER_PICKER);
        }
        SimulatorSettings settings = builder.settings();
        SignetSimulator simulator = SignetSimulator.start(settings);
        out.println("Signet simulator running. Issuer: " + simulator.issuer());
        out.println("  discovery: " + simulator.issuer() + "/.well-known/openid-configuration");
        out.println("  " + settings.users().size() + " user(s), " + settings.clients().size() + " client(s), login "
                + settings.loginMode().name().toLowerCase().replace('_', '-'));
        return simulator;
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + value);
        }
    }
}
