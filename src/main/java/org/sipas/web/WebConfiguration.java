package org.sipas.web;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Vietnamese first, English by the switch in the header ({@code ?lang=en}), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Navigation navigation;

    WebConfiguration(Navigation navigation) {
        this.navigation = navigation;
    }

    @Bean
    LocaleResolver localeResolver(@Value("${sipas.web.secure-cookies:false}") boolean secureCookies) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sipas-lang");
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secureCookies);
        // API clients choose by Accept-Language; pages start in Vietnamese
        resolver.setDefaultLocaleFunction(request -> {
            String accept = request.getHeader("Accept-Language");
            boolean api = request.getRequestURI().startsWith("/api/");
            return api && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
        });
        return resolver;
    }

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    /** Boot's message source as configured by {@code spring.messages}, formatting per thread ({@link Messages}). */
    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        Messages messages = new Messages();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        messages.setDefaultEncoding(properties.getEncoding().name());
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        if (properties.getCacheDuration() != null) {
            throw new IllegalStateException("spring.messages.cache-duration is not supported: Messages keeps one copy of each "
                    + "format per thread for as long as the bundle it came from");
        }
        return messages;
    }

    /** Plugged in also when off, so that a benchmark can turn it on and off in one run ({@link PathFirstMappings}). */
    @Bean
    WebMvcRegistrations pathFirstMappings(@Value("${sipas.web.path-first-lookup:true}") boolean passingOver) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstMappings(passingOver);
            }
        };
    }

    /** Bodies of the public endpoints, before Spring Security and before anything reads them. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> publicBodyLimit(@Value("${sipas.web.public-body-limit:256KB}") DataSize limit,
                                                             FilterProblems problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limit, problems));
        registration.addUrlPatterns("/s/*", "/k/*", "/capi/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Off: Boot adds the resource chain's link rewriting because the webjar locator is present, and it
     * then resolves every link a page prints, through every static location and every jar of the class
     * path, hoping to find a file of that name. A questionnaire's links hold its respondent's token, so
     * no two pages share one and none is ever cached: most of a page's time went there (bench/README,
     * PageBenchmark). Webjars are still served without their version in the address.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noLinkRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
        registry.addInterceptor(new PageLinks());
        registry.addInterceptor(new MenuModel(navigation));
    }
}
