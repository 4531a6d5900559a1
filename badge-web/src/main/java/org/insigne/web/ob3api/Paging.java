package org.insigne.web.ob3api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/** The {@code Link} header of a page (OB 3.0 §6.4.2, RFC 8288): first and last always, prev and next when there are some. */
final class Paging {

    private Paging() {
    }

    static String links(UriComponentsBuilder request, int total, int offset, int limit) {
        int last = total == 0 ? 0 : (total - 1) / limit * limit;
        List<String> links = new ArrayList<>();
        if (offset + limit < total) {
            links.add(link(request, limit, offset + limit, "next"));
        }
        links.add(link(request, limit, last, "last"));
        links.add(link(request, limit, 0, "first"));
        if (offset > 0) {
            links.add(link(request, limit, Math.max(0, Math.min(offset - limit, last)), "prev"));
        }
        return String.join(", ", links);
    }

    private static String link(UriComponentsBuilder request, int limit, int offset, String rel) {
        String uri = request.cloneBuilder().replaceQueryParam("limit", limit).replaceQueryParam("offset", offset)
                .build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
