package org.sipas.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page the link its pager appends a page number to: the current path with all of its
 * query (search words, filters) but the page, so paging never drops a filter. Only for a page
 * about to be rendered: a JSON answer or a redirect has no pager and is not made to pay for one.
 */
class PageLinks implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        page.addObject("pageLink", pageLink(request));
    }

    private static String pageLink(HttpServletRequest request) {
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
