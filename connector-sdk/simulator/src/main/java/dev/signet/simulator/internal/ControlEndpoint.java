package dev.signet.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.signet.simulator.AuthorizationError;
import dev.signet.simulator.IdTokenFault;
import dev.signet.simulator.SimulatorSettings;
import dev.signet.simulator.TokenError;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The same controls as the Java API, over HTTP, for a simulator started from the command line beside a service that
 * is not written in Java: {@code POST /simulator/control} with form parameters {@code authorization-error},
 * {@code token-error}, {@code id-token-fault}, {@code sign-in-as}, {@code vot}, or {@code reset=true}. Answers
 * {@code 204}, or {@code 400} naming the parameter it could not use (and changing nothing).
 */
final class ControlEndpoint {

    static final String PATH = "/simulator/control";

    private final Behaviour behaviour;
    private final Runnable reset;

    ControlEndpoint(Behaviour behaviour, Runnable reset) {
        this.behaviour = behaviour;
        this.reset = reset;
    }

    void control(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Http.send(exchange, 405, "text/plain", "POST form parameters to " + PATH);
            return;
        }
        Map<String, String> form;
        try {
            form = Http.form(exchange);
        } catch (Http.RepeatedParameterException e) {
            Http.send(exchange, 400, "text/plain", e.getMessage());
            return;
        }
        // Everything is read before anything changes, so a wrong parameter changes nothing.
        try {
            for (String name : form.keySet()) {
                if (!java.util.Set.of("reset", "authorization-error", "token-error", "id-token-fault", "sign-in-as",
                        "vot").contains(name)) {
                    throw new IllegalArgumentException("Unknown parameter " + name);
                }
            }
            Optional<AuthorizationError> authorizationError = Optional.ofNullable(form.get("authorization-error"))
                    .map(code -> Arrays.stream(AuthorizationError.values()).filter(e -> e.code().equals(code))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                    "authorization-error must be one of " + codes(AuthorizationError.values()))));
            Optional<TokenError> tokenError = Optional.ofNullable(form.get("token-error"))
                    .map(code -> Arrays.stream(TokenError.values()).filter(e -> e.code().equals(code))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                    "token-error must be one of " + codes(TokenError.values()))));
            Optional<IdTokenFault> fault = Optional.ofNullable(form.get("id-token-fault")).map(name -> {
                try {
                    return IdTokenFault.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("id-token-fault must be one of "
                            + Arrays.toString(IdTokenFault.values()).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            });
            Optional<String> vot = Optional.ofNullable(form.get("vot")).map(value -> {
                if (!SimulatorSettings.VECTORS.contains(value)) {
                    throw new IllegalArgumentException("vot must be one of " + SimulatorSettings.VECTORS);
                }
                return value;
            });
            Optional<String> signInAs = Optional.ofNullable(form.get("sign-in-as"));
            if (signInAs.isPresent() && behaviour.user(signInAs.get()).isEmpty() && !"true".equals(form.get("reset"))) {
                throw new IllegalArgumentException("sign-in-as names no configured user");
            }
            if ("true".equals(form.get("reset"))) {
                reset.run();
            }
            signInAs.ifPresent(behaviour::signInAs);
            vot.ifPresent(value -> behaviour.vot(Optional.of(value)));
            authorizationError.ifPresent(behaviour::failNextAuthorization);
            tokenError.ifPresent(error -> behaviour.failNextTokenRequest(
                    new Behaviour.TokenErrorSpec(error.code(), error.status())));
            fault.ifPresent(behaviour::spoilNextIdToken);
        } catch (IllegalArgumentException e) {
            Http.send(exchange, 400, "text/plain", e.getMessage());
            return;
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static String codes(AuthorizationError[] errors) {
        return Arrays.stream(errors).map(AuthorizationError::code).toList().toString();
    }

    private static String codes(TokenError[] errors) {
        return Arrays.stream(errors).map(TokenError::code).toList().toString();
    }
}
