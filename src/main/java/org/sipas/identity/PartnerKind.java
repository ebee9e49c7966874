package org.sipas.identity;

/** What kind of organisation a partner is: who hands out, calls or visits for a survey. */
public enum PartnerKind {
    /** Bưu điện: delivers and collects paper questionnaires. */
    POST_OFFICE,
    /** Ủy ban Mặt trận Tổ quốc. */
    FATHERLAND_FRONT,
    /** Hội Cựu chiến binh. */
    VETERANS,
    /** A survey contractor: interviews by phone or face to face. */
    CONTRACTOR,
    OTHER
}
