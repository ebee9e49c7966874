package org.sipas.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for staff signed in, the figures each feature contributes; for everyone else, the
 * public portal ({@code /portal}, served in place, so a citizen typing the bare address sees the
 * published results rather than a log-in form).
 */
@Controller
class HomeController {

    private static final String VIEW = "web/home";

    private final List<DashboardTile.Source> sources;

    HomeController(List<DashboardTile.Source> sources) {
        this.sources = sources;
    }

    @GetMapping("/")
    String home(Model model, java.security.Principal signedIn) {
        if (signedIn == null) {
            return "forward:/portal";
        }
        model.addAttribute("tiles", sources.stream()
                .flatMap(source -> source.tile().stream())
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .toList());
        return VIEW;
    }
}
