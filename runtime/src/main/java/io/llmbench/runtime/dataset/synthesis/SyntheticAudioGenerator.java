package io.llmbench.runtime.dataset.synthesis;

import io.llmbench.runtime.UserInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Synthetic audio clips as AIPerf makes them ({@code --audio-length-mean/stddev}, {@code --audio-format},
 * {@code --audio-sample-rates}, {@code --audio-depths}, {@code --audio-num-channels}): a length drawn
 * from N(mean, stddev) seconds (at least 10 ms), a sample rate and a bit depth picked from the given
 * lists, and a signal of a few seeded sine tones plus noise, encoded as PCM WAV and returned as
 * {@code data:audio/wav;base64,...}. MP3 is refused: no well-maintained pure-Java MP3 encoder is
 * published on Maven Central. Not thread-safe.
 */
public final class SyntheticAudioGenerator {

    private static final double MIN_SECONDS = 0.01;

    private final double meanSeconds;
    private final double stddevSeconds;
    private final List<Double> sampleRatesKhz;
    private final List<Integer> depths;
    private final int channels;
    private final Random random;

    /**
     * @throws UserInputException for {@code mp3}, a non-positive mean, an unsupported depth or channel count
     */
    public SyntheticAudioGenerator(long seed, double meanSeconds, double stddevSeconds, String format,
            List<Double> sampleRatesKhz, List<Integer> depths, int channels) {
        if (!"wav".equalsIgnoreCase(format)) {
            throw new UserInputException("--audio-format " + format + " is not supported: llmbench writes WAV only,"
                    + " because no well-maintained pure-Java MP3 encoder is published on Maven Central; use"
                    + " --audio-format wav");
        }
        if (!(meanSeconds > 0) || stddevSeconds < 0) {
            throw new UserInputException("synthetic audio needs --audio-length-mean > 0 and a non-negative"
                    + " --audio-length-stddev; got " + meanSeconds + "±" + stddevSeconds);
        }
        if (sampleRatesKhz.isEmpty() || depths.isEmpty() || channels < 1 || channels > 2) {
            throw new UserInputException("synthetic audio needs sample rates, bit depths and 1 or 2 channels");
        }
        for (int depth : depths) {
            if (depth != 8 && depth != 16 && depth != 24 && depth != 32) {
                throw new UserInputException("--audio-depths holds " + depth + ": use 8, 16, 24 or 32");
            }
        }
        this.meanSeconds = meanSeconds;
        this.stddevSeconds = stddevSeconds;
        this.sampleRatesKhz = List.copyOf(sampleRatesKhz);
        this.depths = List.copyOf(depths);
        this.channels = channels;
        this.random = new Random(seed * 31 + 0xA0D10L);
    }

    /** A clip as {@code data:audio/wav;base64,...}. */
    public String generate() {
        return "data:audio/wav;base64," + Base64.getEncoder().encodeToString(wav());
    }

    /** A clip's WAV bytes. */
    public byte[] wav() {
        double seconds = meanSeconds;
        if (stddevSeconds > 0) {
            do {
                seconds = meanSeconds + stddevSeconds * random.nextGaussian();
            } while (seconds < MIN_SECONDS);
        }
        seconds = Math.max(MIN_SECONDS, seconds);
        int sampleRate = (int) Math.round(sampleRatesKhz.get(random.nextInt(sampleRatesKhz.size())) * 1000);
        int depth = depths.get(random.nextInt(depths.size()));
        int frames = Math.max(1, (int) Math.round(seconds * sampleRate));
        int bytesPerSample = depth / 8;
        int dataBytes = frames * channels * bytesPerSample;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        wav.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) depth);
        wav.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        double[] tones = {110 + random.nextInt(880), 110 + random.nextInt(880), 110 + random.nextInt(880)};
        for (int frame = 0; frame < frames; frame++) {
            double t = frame / (double) sampleRate;
            double signal = 0;
            for (double tone : tones) {
                signal += Math.sin(2 * Math.PI * tone * t) / tones.length;
            }
            signal = 0.8 * signal + 0.1 * (random.nextDouble() * 2 - 1);
            for (int channel = 0; channel < channels; channel++) {
                writeSample(wav, signal, depth);
            }
        }
        return wav.array();
    }

    private static void writeSample(ByteBuffer out, double signal, int depth) {
        switch (depth) {
            case 8 -> out.put((byte) (128 + Math.round(signal * 127)));
            case 16 -> out.putShort((short) Math.round(signal * Short.MAX_VALUE));
            case 24 -> {
                int value = (int) Math.round(signal * 8_388_607);
                out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
            }
            default -> out.putInt((int) Math.round(signal * Integer.MAX_VALUE));
        }
    }
}
