package org.weightscope.catalogue;

/**
 * Upper bounds, in GB (10^9 bytes, as disk and GPU vendors count), of the weights memory per hardware class.
 * Anything above {@code multiGpuGb} is {@code cluster}.
 */
public record HardwareThresholds(double edgeGb, double consumerGpuGb, double datacenterGpuGb, double multiGpuGb) {

    /** 4 GB phone/laptop, 24 GB one consumer GPU, 80 GB one H100/A100, 640 GB one 8×80 GB node. */
    public static final HardwareThresholds DEFAULTS = new HardwareThresholds(4, 24, 80, 640);

    /** A bound left at 0 (e.g. not set in application properties) takes its default. */
    public HardwareThresholds {
        if (edgeGb == 0) edgeGb = 4;
        if (consumerGpuGb == 0) consumerGpuGb = 24;
        if (datacenterGpuGb == 0) datacenterGpuGb = 80;
        if (multiGpuGb == 0) multiGpuGb = 640;
        if (!(0 < edgeGb
                && edgeGb <= consumerGpuGb
                && consumerGpuGb <= datacenterGpuGb
                && datacenterGpuGb <= multiGpuGb)) {
            throw new IllegalArgumentException("hardware thresholds must be positive and ascending: " + edgeGb + ", "
                    + consumerGpuGb + ", " + datacenterGpuGb + ", " + multiGpuGb);
        }
    }
}
