package org.psephos.report;

/** HTML text escaping. Package-private helper; stateless. */
final class Html {
    private Html() {
    }

    /**
     * @param s text, possibly from the input file (region or candidate names)
     * @return the text with {@code & < > " '} replaced by entities, safe in element content and quoted attributes;
     *         the empty string for {@code null}
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
