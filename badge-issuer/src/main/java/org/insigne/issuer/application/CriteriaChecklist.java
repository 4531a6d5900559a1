package org.insigne.issuer.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The criteria of a badge class as items a reviewer ticks: the items of its Markdown lists, in order, or the
 * whole text as one item when it has no list. Markdown marks are taken off, since the items are shown as text.
 */
final class CriteriaChecklist {

    static final int MAX_ITEMS = 30;
    static final int MAX_ITEM = 500;

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,3}[.)])\\s+(.+)$");

    private CriteriaChecklist() {
    }

    static List<String> items(String markdown) {
        List<String> items = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && items.size() < MAX_ITEMS) {
                items.add(plain(item.group(1)));
            }
        }
        items.removeIf(String::isEmpty);
        if (items.isEmpty()) {
            String whole = plain(markdown);
            return whole.isEmpty() ? List.of() : List.of(whole);
        }
        return List.copyOf(items);
    }

    private static String plain(String text) {
        String plain = text.replaceAll("[*_`#>]", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\s+", " ").strip();
        return plain.length() > MAX_ITEM ? plain.substring(0, MAX_ITEM - 1) + "…" : plain;
    }
}
