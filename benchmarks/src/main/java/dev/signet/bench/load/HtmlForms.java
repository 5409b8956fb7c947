package dev.signet.bench.load;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading to fill in a server-rendered form: the value of a named input and the action of a form
 * with a given id, attributes in any order.
 */
final class HtmlForms {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

    private HtmlForms() {
    }

    static Optional<String> inputValue(String html, String name) {
        return attributeOfElement(INPUT, html, "name", name, "value");
    }

    /** The (unescaped) {@code action} of the form whose {@code id} is {@code id}. */
    static Optional<String> formAction(String html, String id) {
        return attributeOfElement(FORM, html, "id", id, "action");
    }

    private static Optional<String> attributeOfElement(Pattern element, String html, String keyAttribute,
            String key, String wanted) {
        Matcher tag = element.matcher(html);
        while (tag.find()) {
            String keyValue = null;
            String value = null;
            Matcher attribute = ATTRIBUTE.matcher(tag.group(1));
            while (attribute.find()) {
                String attributeValue = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (attribute.group(1).equalsIgnoreCase(keyAttribute)) {
                    keyValue = attributeValue;
                } else if (attribute.group(1).equalsIgnoreCase(wanted)) {
                    value = attributeValue;
                }
            }
            if (key.equals(keyValue)) {
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
