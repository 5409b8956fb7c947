package dev.signet.bench.load;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading to fill in a server-rendered form: the value of a named input, attributes in any order. */
final class HtmlForms {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

    private HtmlForms() {
    }

    static Optional<String> inputValue(String html, String name) {
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String inputName = null;
            String value = null;
            Matcher attribute = ATTRIBUTE.matcher(input.group(1));
            while (attribute.find()) {
                String attributeValue = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (attribute.group(1).equalsIgnoreCase("name")) {
                    inputName = attributeValue;
                } else if (attribute.group(1).equalsIgnoreCase("value")) {
                    value = attributeValue;
                }
            }
            if (name.equals(inputName)) {
                return Optional.ofNullable(value).map(HtmlForms::unescape);
            }
        }
        return Optional.empty();
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
