package dev.signet.core.audit;

/**
 * Makes untrusted text (user agents, addresses) storable and hashable the same way everywhere: PostgreSQL text cannot
 * hold NUL and UTF-8 cannot encode a lone surrogate, so both become U+FFFD; over-long text is cut (at a code point).
 */
final class AuditText {

    private AuditText() {
    }

    static String clean(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars));
        int i = 0;
        while (i < text.length() && out.length() < maxChars) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > maxChars) {
                    break;
                }
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            out.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
            i++;
        }
        return out.toString();
    }
}
