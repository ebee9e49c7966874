package org.sipas.campaign;

/**
 * A channel of a campaign: its share (a weight, read against the sum of all shares) and what one
 * completed questionnaire costs by it, in đồng.
 */
record ChannelPlan(SurveyChannel channel, double share, long unitCost) {
}
