package org.insigne.web.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Paging of API lists: {@code page} from 1 and {@code size} from 1 to {@value #MAX_SIZE}; the answer carries the
 * total in its body and in {@code X-Total-Count}, and {@code Link} headers (RFC 8288) to the first, previous,
 * next and last pages, built on the request's own address so that filters are kept.
 */
final class ApiPages {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** A page as asked: {@code number} from 1. */
    record Request(int number, int size) {

        /** The same page counted from 0, as the services count. */
        int index() {
            return number - 1;
        }
    }

    /** One page of a list, as the API answers it. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private ApiPages() {
    }

    static Request of(@Nullable String page, @Nullable String size) {
        int number = number("page", page, 1, Integer.MAX_VALUE / MAX_SIZE);
        int perPage = number("size", size, DEFAULT_SIZE, MAX_SIZE);
        return new Request(number, perPage);
    }

    private static int number(String name, @Nullable String value, int absent, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.paging.invalid", name, max);
    }

    static <T> ResponseEntity<Page<T>> answer(HttpServletRequest request, Request asked, List<T> items, long total) {
        int last = (int) Math.max(1, (total + asked.size() - 1) / asked.size());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(total));
        StringBuilder links = new StringBuilder(link(request, 1, asked.size(), "first"));
        if (asked.number() > 1) {
            links.append(", ").append(link(request, Math.min(asked.number() - 1, last), asked.size(), "prev"));
        }
        if (asked.number() < last) {
            links.append(", ").append(link(request, asked.number() + 1, asked.size(), "next"));
        }
        links.append(", ").append(link(request, last, asked.size(), "last"));
        answer.header(HttpHeaders.LINK, links.toString());
        return answer.body(new Page<>(items, asked.number(), asked.size(), total));
    }

    /** The asked page of a list held whole, as short lists (a few dozen rows) are. */
    static <T> ResponseEntity<Page<T>> slice(HttpServletRequest request, Request asked, List<T> all) {
        int from = (int) Math.min((long) asked.index() * asked.size(), all.size());
        int to = (int) Math.min((long) from + asked.size(), all.size());
        return answer(request, asked, List.copyOf(all.subList(from, to)), all.size());
    }

    private static String link(HttpServletRequest request, int page, int size, String rel) {
        String url = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("page", page).replaceQueryParam("size", size).build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
