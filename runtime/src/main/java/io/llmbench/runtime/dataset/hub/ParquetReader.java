package io.llmbench.runtime.dataset.hub;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBStruct;

/**
 * Reads Parquet through DuckDB's JDBC driver, in an in-memory database that lives for one file.
 * Nested columns become maps and lists, binary columns {@code byte[]}.
 */
final class ParquetReader implements TableReader {

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        // DuckDB takes the path as a string literal; quotes are doubled as SQL wants.
        String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        // Streamed results: rows are decoded as they are taken, so stopping early skips the rest.
        Properties streamed = new Properties();
        streamed.setProperty("jdbc_stream_results", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", streamed);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet(" + literal + ")")) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            String[] names = new String[columns];
            for (int i = 0; i < columns; i++) {
                names[i] = meta.getColumnLabel(i + 1);
            }
            while (rows.next()) {
                Map<String, Object> values = new LinkedHashMap<>(columns * 2);
                for (int i = 0; i < columns; i++) {
                    values.put(names[i], plain(rows.getObject(i + 1)));
                }
                if (!sink.accept(new Row(values))) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IOException(file.getFileName() + " is not a readable Parquet file (" + e.getMessage()
                    .lines().findFirst().orElse("") + ")", e);
        }
    }

    private static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof DuckDBStruct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : struct.getMap().entrySet()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return out;
        }
        return value.toString();
    }
}
