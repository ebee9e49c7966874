package org.sipas.campaign;

import java.util.List;

/**
 * Deals channels out to the sampled members in their order (stratum by stratum, each in its
 * random order) so that the totals follow the channels' shares exactly: member i goes to the
 * channel whose stretch of the cumulative shares holds (i + ½) / n. Each stratum thereby gets
 * close to its proportional share of every channel, and which of its members gets which channel
 * is as random as their order.
 */
final class ChannelSequence {

    private final List<SurveyChannel> channels;
    private final double[] upTo;
    private final int total;

    ChannelSequence(List<ChannelPlan> plans, int total) {
        this.channels = plans.stream().map(ChannelPlan::channel).toList();
        this.total = total;
        this.upTo = new double[plans.size()];
        double sum = plans.stream().mapToDouble(ChannelPlan::share).sum();
        double running = 0;
        for (int c = 0; c < plans.size(); c++) {
            running += plans.get(c).share() / sum;
            upTo[c] = running;
        }
    }

    SurveyChannel channelOf(int member) {
        double position = (member + 0.5) / total;
        for (int c = 0; c < upTo.length - 1; c++) {
            if (position < upTo[c]) {
                return channels.get(c);
            }
        }
        return channels.get(channels.size() - 1);
    }
}
