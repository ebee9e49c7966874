package org.sipas.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Gives every staff page about to be rendered its navigation ({@link Navigation}); JSON and redirects pay nothing. */
class MenuModel implements HandlerInterceptor {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final Navigation navigation;

    MenuModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (TRUST.isAuthenticated(user)) {
            page.addObject("menu", navigation.menu(user, request));
        }
    }
}
