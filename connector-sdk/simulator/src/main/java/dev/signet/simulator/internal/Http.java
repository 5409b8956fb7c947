package dev.signet.simulator.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The few HTTP chores every endpoint shares: reading query and form parameters, writing JSON, HTML and redirects. */
public final class Http {

    private Http() {
    }

    /** Parameters of a query or form body; a repeated one is refused as OAuth requires (RFC 6749 §3.1). */
    public static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
            String value = nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
            if (parameters.put(name, value) != null) {
                throw new RepeatedParameterException(name);
            }
        }
        return parameters;
    }

    /** Query parameters, plus form parameters for a POST. */
    public static Map<String, String> requestParameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            for (Map.Entry<String, String> entry : form(exchange).entrySet()) {
                if (parameters.put(entry.getKey(), entry.getValue()) != null) {
                    throw new RepeatedParameterException(entry.getKey());
                }
            }
        }
        return parameters;
    }

    public static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    public static String encode(Map<String, String> parameters) {
        StringBuilder encoded = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return encoded.toString();
    }

    public static String withQuery(String uri, Map<String, String> parameters) {
        return uri + (uri.contains("?") ? "&" : "?") + encode(parameters);
    }

    public static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "application/json", JSONObjectUtils.toJSONString(body));
    }

    /** An OAuth error response (RFC 6749 §5.2). */
    public static void oauthError(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        if (status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"signet-simulator\"");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** A small page for a person, e.g. "the link from the service is wrong". */
    public static void page(HttpExchange exchange, int status, String title, String bodyHtml) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Signet simulator</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto}"
                + "button{font-size:1em;margin:.3em 0;padding:.4em .8em}</style></head><body><h1>"
                + escape(title) + "</h1>" + bodyHtml + "</body></html>";
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A request that names a parameter twice, which OAuth forbids. */
    public static final class RepeatedParameterException extends RuntimeException {
        public RepeatedParameterException(String name) {
            super("The request repeats the parameter " + name);
        }
    }
}
