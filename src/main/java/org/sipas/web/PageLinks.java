package org.sipas.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page the link its pager appends a page number to: the current path with all of its
 * query (search words, filters) but the page, so paging never drops a filter.
 */
@ControllerAdvice
class PageLinks {

    @ModelAttribute("pageLink")
    String pageLink(HttpServletRequest request) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf") && !name.equals("lang")) {
                for (String value : values) {
                    link.queryParam(name, value);
                }
            }
        });
        link.queryParam("page", "");
        return link.encode().build().toUriString();
    }
}
