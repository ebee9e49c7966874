package org.sipas.catalog;

import java.text.NumberFormat;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.sipas.web.DashboardTile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/** The catalog's figures on the home page: units, procedures and active officials in the caller's scope. */
@Configuration(proxyBeanMethods = false)
class CatalogTiles {

    @Bean
    DashboardTile.Source unitTile(UnitRepository units, CallerScope scope) {
        return tile(10, "catalog.tile.units", "/units", scope, units::count);
    }

    @Bean
    DashboardTile.Source procedureTile(ProcedureRepository procedures, CallerScope scope) {
        return tile(11, "catalog.tile.procedures", "/procedures", scope, procedures::count);
    }

    @Bean
    DashboardTile.Source officialTile(OfficialRepository officials, CallerScope scope) {
        return tile(12, "catalog.tile.officials", "/officials", scope, officials::count);
    }

    private static DashboardTile.Source tile(int order, String title, String href, CallerScope scope,
                                             ToLongFunction<String> countInScope) {
        return () -> scope.mayRead()
                ? Optional.of(new DashboardTile(order, title, NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale())
                        .format(countInScope.applyAsLong(scope.path())), href))
                : Optional.empty();
    }
}
