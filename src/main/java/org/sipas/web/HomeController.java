package org.sipas.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff home page: the figures each feature contributes. */
@Controller
class HomeController {

    private static final String VIEW = "web/home";

    private final List<DashboardTile.Source> sources;

    HomeController(List<DashboardTile.Source> sources) {
        this.sources = sources;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tiles", sources.stream()
                .flatMap(source -> source.tile().stream())
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .toList());
        return VIEW;
    }
}
