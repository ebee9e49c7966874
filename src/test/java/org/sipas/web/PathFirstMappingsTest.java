package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which mappings the lookup may pass over: only those whose every pattern starts with another plain word. */
class PathFirstMappingsTest {

    private static RequestMappingInfo mapping(String... patterns) {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(PathPatternParser.defaultInstance);
        return RequestMappingInfo.paths(patterns).options(config).build();
    }

    @Test
    void aRequestIsSortedByThePlainFirstSegmentOfItsPath() {
        assertThat(PathFirstMappings.firstSegment("/s/AbC-12/response")).isEqualTo("s");
        assertThat(PathFirstMappings.firstSegment("/campaigns")).isEqualTo("campaigns");
        assertThat(PathFirstMappings.firstSegment("/")).isNull();
        assertThat(PathFirstMappings.firstSegment("/s;jsessionid=1/x")).isNull();
        assertThat(PathFirstMappings.firstSegment("/%73/x")).isNull();
    }

    @Test
    void aMappingIsPassedOverOnlyWhenEveryPatternStartsWithAnotherPlainWord() {
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/s/{token}/response"))).containsExactly("s");
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/css/**", "/s/{token}"))).containsExactlyInAnyOrder("css", "s");
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/{unit}/report"))).isEmpty();
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/**"))).isEmpty();
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/"))).isEmpty();
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/cam*/x"))).isEmpty();
        assertThat(PathFirstMappings.literalFirstSegments(mapping("/s/x", "/{any}"))).isEmpty();
    }
}
