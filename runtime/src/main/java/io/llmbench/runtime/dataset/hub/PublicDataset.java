package io.llmbench.runtime.dataset.hub;

import java.util.List;

/**
 * One public dataset under AIPerf's name: where it lives on the Hub and how a row becomes a request.
 *
 * @param name AIPerf's name ({@code --public-dataset})
 * @param hubId the Hub dataset id
 * @param config the subset ({@code hf_subset}), or {@code null}
 * @param split the split read
 * @param files the files of {@code main} that hold the split, when AIPerf names them (empty: the
 *     dataset card's configs, else the Hub's naming conventions, then the Parquet branch; see
 *     {@link HubDatasetFiles})
 * @param gated whether the Hub asks for a token and accepted terms
 * @param mapper builds the entry of a row
 */
record PublicDataset(String name, String hubId, String config, String split, List<String> files, boolean gated,
        RowMapper mapper) {
}
