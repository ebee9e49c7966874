package org.sipas.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.sipas.methodology.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grade bands of campaigns and methodologies ({@code grade_band}): a campaign's own, else its
 * methodology's, else none. Replacing a set of bands replaces it whole, in one transaction.
 */
@Repository
public class GradeBandStore {

    private static final String COLUMNS = "SELECT code, label_vi, label_en, minimum_pct FROM grade_band";

    private final JdbcClient jdbc;

    GradeBandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static GradeBands.Band row(ResultSet rs, int n) throws SQLException {
        return new GradeBands.Band(rs.getString("code"), Label.of(rs.getString("label_vi"), rs.getString("label_en")),
                rs.getDouble("minimum_pct"));
    }

    /** The bands a campaign grades by: its own, else those of its methodology, else {@link GradeBands#NONE}. */
    public GradeBands forCampaign(long campaignId, String methodologyCode) {
        List<GradeBands.Band> own = jdbc.sql(COLUMNS + " WHERE campaign_id = :campaign")
                .param("campaign", campaignId).query(GradeBandStore::row).list();
        if (!own.isEmpty()) {
            return new GradeBands(own);
        }
        return forMethodology(methodologyCode);
    }

    /** The bands of a methodology (every version), or {@link GradeBands#NONE}. */
    public GradeBands forMethodology(String methodologyCode) {
        List<GradeBands.Band> bands = jdbc.sql(COLUMNS + " WHERE methodology_code = :code")
                .param("code", methodologyCode).query(GradeBandStore::row).list();
        return bands.isEmpty() ? GradeBands.NONE : new GradeBands(bands);
    }

    /** Sets a campaign's bands; {@link GradeBands#NONE} makes it fall back to its methodology's. */
    @Transactional
    public void replaceForCampaign(long campaignId, GradeBands bands) {
        jdbc.sql("DELETE FROM grade_band WHERE campaign_id = :campaign").param("campaign", campaignId).update();
        for (GradeBands.Band band : bands.bands()) {
            insert(campaignId, null, band);
        }
    }

    /** Sets a methodology's bands, for its campaigns without bands of their own. */
    @Transactional
    public void replaceForMethodology(String methodologyCode, GradeBands bands) {
        jdbc.sql("DELETE FROM grade_band WHERE methodology_code = :code").param("code", methodologyCode).update();
        for (GradeBands.Band band : bands.bands()) {
            insert(null, methodologyCode, band);
        }
    }

    private void insert(Long campaignId, String methodologyCode, GradeBands.Band band) {
        jdbc.sql("""
                INSERT INTO grade_band (campaign_id, methodology_code, code, label_vi, label_en, minimum_pct)
                VALUES (:campaign, :methodology, :code, :vi, :en, :minimum)""")
                .param("campaign", campaignId).param("methodology", methodologyCode).param("code", band.code())
                .param("vi", band.label().vi()).param("en", band.label().en()).param("minimum", band.minimumPct())
                .update();
    }
}
