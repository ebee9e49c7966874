package org.sipas.feedback;

/** How grave a case is: it sets the working days the unit head has to resolve it ({@code feedback_sla}). */
enum Severity {
    HIGH, MEDIUM, LOW
}
