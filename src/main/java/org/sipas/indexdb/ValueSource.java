package org.sipas.indexdb;

/** Where a figure of the index database comes from. */
public enum ValueSource {
    /** The unit's own scoring of itself (tự đánh giá, chấm điểm). */
    SELF_ASSESSMENT,
    /** The council's appraised score (thẩm định): the self-assessment, adjusted where the council said why. */
    APPRAISAL,
    /** A survey's estimate: sipas's own published snapshots. */
    SURVEY,
    /** A figure as an authority published it (imported from its table). */
    PUBLISHED;

    /** Whether a figure of this source is for everyone: a self-assessment is not, an appraisal only once approved. */
    boolean isPublic() {
        return this == SURVEY || this == PUBLISHED || this == APPRAISAL;
    }

    /** Whether a parent's own figure may come from this source in a mean-scored tree (a measured estimate, not a total). */
    boolean measuresParents() {
        return this == SURVEY || this == PUBLISHED;
    }
}
