package org.sipas.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The staff's signed-in session as other features may know it: by the name of its cookie, never by
 * what it holds (the session itself lives in PostgreSQL, read by Spring Session). The portal's page
 * cache, which answers before Spring Security, tells a visitor who may be signed in from one who is
 * not by this cookie alone, so that a staff member's page (with their navigation) is never kept and
 * a visitor's kept page is never given to staff.
 */
public final class StaffSession {

    /** The session cookie's name, as the browser sends it back. */
    public static final String COOKIE = "sipas-session";

    private StaffSession() {
    }

    /** Whether the request carries a session cookie (signed in, or was: the cookie alone cannot tell). */
    public static boolean carriedBy(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
