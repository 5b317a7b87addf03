package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code random_pool}: a JSONL file is one pool, a directory holds one pool per {@code .jsonl} file
 * (in name order). Each of the {@code --num-dataset-entries} entries draws one line at random from
 * every pool (seeded by {@code --random-seed}) and merges them: texts joined by a newline, images and
 * audio appended in pool order. So a pool of queries and a pool of contexts combine at random.
 */
final class RandomPoolFormat {

    private RandomPoolFormat() {
    }

    static List<DatasetEntry> read(FileContext context) {
        List<Path> files = poolFiles(context.path());
        List<List<TurnReader.Turn>> pools = new ArrayList<>();
        for (Path file : files) {
            List<TurnReader.Turn> pool = new ArrayList<>();
            for (JsonLines.Line line : JsonLines.read(file)) {
                pool.add(TurnReader.read(line, false));
            }
            pools.add(pool);
        }
        Random random = new Random(context.input().randomSeed() * 0x5DEECE66DL + 11);
        int count = context.input().datasetEntries();
        if (count < 1) {
            throw LineError.in(context.path(), "random_pool draws --num-dataset-entries entries: give at least 1");
        }
        List<DatasetEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> texts = new ArrayList<>();
            List<ImageInput> images = new ArrayList<>();
            List<String> audios = new ArrayList<>();
            List<String> videos = new ArrayList<>();
            for (List<TurnReader.Turn> pool : pools) {
                TurnReader.Turn turn = pool.get(random.nextInt(pool.size()));
                if (!turn.text().isEmpty()) {
                    texts.add(turn.text());
                }
                images.addAll(turn.images());
                audios.addAll(turn.audios());
                videos.addAll(turn.videos());
            }
            entries.add(new DatasetEntry("random-pool-" + i, String.join("\n", texts), images, DatasetEntry.UNSET,
                    videos, audios, null, 0, DatasetEntry.UNSET, DatasetEntry.UNSET));
        }
        return entries;
    }

    private static List<Path> poolFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> files = children.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw LineError.in(path, "holds no .jsonl pool files");
            }
            return files;
        } catch (IOException e) {
            throw LineError.in(path, "cannot be listed (" + e.getMessage() + ")");
        }
    }
}
